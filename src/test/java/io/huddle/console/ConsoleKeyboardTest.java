package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import io.huddle.e2e.AgentUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.Fx;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The console without a mouse: every step of the help flow by its shortcut, and every button named for a screen reader. */
class ConsoleKeyboardTest extends ConsoleUiTest {
    @Test
    void acceptMonitorCoachBargeInAndDisconnectWithShortcutsOnly() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        AgentUi agent = fx.agentSession("agent2");
        ConsoleUi console = fx.openConsole("supervisor1");
        HelpRequest hr = fx.raiseHelp("agent2", chat.id(), "Policy question", "return after 30 days?");
        eventually(() -> assertThat(console.trayIds()).containsExactly(hr.id()));
        console.focus();

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        eventually(() -> assertThat(console.text("#help-status"))
                .isEqualTo("Help request in progress: help provided by Supervisor One"));
        eventually(() -> assertThat(console.enabled("#control-coach")).isTrue());
        assertThat(fx.storedRequest(hr.id()).status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);

        robot.push(KeyCode.F6);
        eventually(() -> assertThat(console.text("#mode-banner")).contains("monitoring silently"));

        robot.push(KeyCode.F7);
        eventually(() -> assertThat(console.text("#mode-banner")).contains("coaching"));
        eventually(() -> assertThat(console.visible("#message-field")).isTrue());

        robot.push(KeyCode.CONTROL, KeyCode.M);
        eventually(() -> assertThat(focusId(console)).isEqualTo("message-field"));
        robot.write("Yes, within 30 days with the receipt");
        robot.push(KeyCode.ENTER);
        eventually(() -> assertThat(Fx.call(() -> agent.vm().supervisorLines().stream()
                .map(l -> l.text()).toList())).contains("Yes, within 30 days with the receipt"));
        assertThat(Fx.call(() -> console.vm().detail().draft().get())).isEmpty();

        robot.push(KeyCode.F8);
        eventually(() -> assertThat(console.text("#mode-banner")).contains("barged in"));

        robot.push(KeyCode.F9);
        eventually(() -> {
            assertThat(console.visible("#mode-banner")).isFalse();
            assertThat(console.text("#control-reasons")).isEqualTo("Disconnect: you are not on this interaction");
            assertThat(console.enabled("#control-monitor")).isTrue();
        });
        assertThat(fx.actionsOn(chat.id())).extracting(SupervisorAction::action).containsExactly(
                ActionType.MONITOR, ActionType.COACH, ActionType.BARGE_IN, ActionType.DISCONNECT);
    }

    @Test
    void navigationShortcutsMoveTheFocusAndF1ShowsThemAll() {
        fx.interaction("agent1", Channel.VOICE);
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        ConsoleUi console = fx.openConsole("supervisor1");
        eventually(() -> assertThat(console.rowIds()).hasSize(2));
        console.focus();

        robot.push(KeyCode.CONTROL, KeyCode.F);
        eventually(() -> assertThat(focusId(console)).isEqualTo("search"));
        robot.write("Agent Two");
        eventually(() -> assertThat(Fx.call(() -> console.vm().floor().visibleRows().size())).isEqualTo(1));

        robot.push(KeyCode.CONTROL, KeyCode.T);
        eventually(() -> assertThat(focusId(console)).isEqualTo("tray-list"));

        robot.push(KeyCode.CONTROL, KeyCode.L);
        eventually(() -> assertThat(focusId(console)).isEqualTo("interactions"));
        eventually(() -> assertThat(Fx.call(() -> console.vm().detail().selectedId())).isEqualTo(chat.id()));

        robot.push(KeyCode.F1);
        eventually(() -> assertThat(console.visible("#help-overlay")).isTrue());
        robot.push(KeyCode.ESCAPE);
        eventually(() -> assertThat(console.visible("#help-overlay")).isFalse());

        // the search field's clear button (ControlsFX) empties the filter with one click
        robot.clickOn((Node) console.node("#search .clear-button"));
        eventually(() -> assertThat(Fx.call(() -> console.vm().floor().visibleRows().size())).isEqualTo(2));
        assertThat(Fx.call(() -> console.vm().floor().textFilter().get())).isEmpty();
    }

    @Test
    void everyButtonOfTheConsoleAndTheAgentWindowHasAccessibleText() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        ConsoleUi console = fx.openConsole("supervisor1");
        AgentUi agent = fx.openAgentWindow("agent2");
        HelpRequest hr = fx.raiseHelp("agent2", chat.id(), "Other", null);
        eventually(() -> assertThat(console.find("#confirm-" + hr.id())).isPresent());
        assertThat(spokenButtons(console.root())).allSatisfy((button, spoken) ->
                assertThat(spoken).as("what a screen reader says for %s", button).matches("(?s).*\\p{L}{3,}.*"));
        // the icon-only and symbol buttons are named on purpose, with their shortcut
        assertThat(spokenButtons(console.root())).containsEntry("help-button", "Keyboard shortcuts (F1)")
                .containsEntry("control-monitor", "Monitor (F6)").containsEntry("control-coach", "Coach (F7)")
                .containsEntry("control-barge-in", "Barge In (F8)")
                .containsEntry("control-disconnect", "Disconnect (F9)")
                .containsEntry("confirm-" + hr.id(), "Confirm the help request of Agent Two");
        assertThat(spokenButtons(agent.root())).allSatisfy((button, spoken) ->
                assertThat(spoken).as("what a screen reader says for %s", button).matches("(?s).*\\p{L}{3,}.*"));
    }

    /** Every button in a window: its id (or text) and the text assistive technology reads for it. */
    private Map<String, String> spokenButtons(Parent root) {
        Predicate<Node> button = n -> n instanceof ButtonBase;
        return Fx.call(() -> {
            Map<String, String> out = new java.util.TreeMap<>();
            for (Node n : robot.from(root).lookup(button).queryAll()) {
                ButtonBase b = (ButtonBase) n;
                Object spoken = b.queryAccessibleAttribute(AccessibleAttribute.TEXT);
                out.put(b.getId() != null ? b.getId() : String.valueOf(b.getText()), String.valueOf(spoken));
            }
            return out;
        });
    }

    private static String focusId(ConsoleUi console) {
        return Fx.call(() -> {
            Node owner = console.stage().getScene().getFocusOwner();
            return owner == null ? null : owner.getId();
        });
    }
}
