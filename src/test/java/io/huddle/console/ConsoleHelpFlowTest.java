package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.huddle.protocol.TranscriptLineDto;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's side of a help request against a real gateway: it arrives (toast, tray, badge), is
 * confirmed, and the supervisor monitors, coaches (a whisper reaches the agent), barges in and leaves;
 * what the screen says is checked against what the gateway recorded.
 */
class ConsoleHelpFlowTest extends ConsoleUiTest {
    @Test
    void confirmByClickThenMonitorCoachBargeInAndDisconnect() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        AgentUi agent = fx.agentSession("agent2");
        ConsoleUi console = fx.openConsole("supervisor1");
        eventually(() -> assertThat(console.rowIds()).containsExactly(chat.id()));
        assertThat(console.badge()).isEmpty();

        HelpRequest hr = fx.raiseHelp("agent2", chat.id(), "Billing dispute", "wants a refund");

        eventually(() -> assertThat(toastTitles()).contains("Help requested: Agent Two"));
        eventually(() -> assertThat(console.badge()).isEqualTo("1"));
        assertThat(console.trayIds()).containsExactly(hr.id());
        assertThat(console.visible("#confirm-" + hr.id())).isTrue();
        assertThat(console.helpMarkers()).isEqualTo(1);

        robot.clickOn(console.button("#confirm-" + hr.id()));

        eventually(() -> {
            assertThat(console.enabled("#control-monitor")).isTrue();
            assertThat(console.enabled("#control-coach")).isTrue();
            assertThat(console.enabled("#control-barge-in")).isTrue();
        });
        assertThat(console.enabled("#control-disconnect")).isFalse();
        assertThat(console.text("#control-reasons")).isEqualTo("Disconnect: you are not on this interaction");
        assertThat(console.text("#help-status"))
                .isEqualTo("Help request in progress: help provided by Supervisor One");
        eventually(() -> assertThat(console.badge()).isEmpty());
        assertThat(console.trayIds()).isEmpty();
        eventually(() -> assertThat(console.helpMarkers()).isZero());
        assertThat(toastTitles()).as("the notice of a request no longer waiting goes").isEmpty();

        HelpRequest stored = fx.storedRequest(hr.id());
        assertThat(stored.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        assertThat(stored.helpProvidedBy()).isEqualTo("acme:supervisor1");
        assertThat(stored.acceptedAt()).isNotNull();
        assertThat(fx.storedInteraction(chat.id()).helpRequested()).isFalse();
        JsonNode overRest = fx.rest("GET", "/help-requests/" + hr.id(), "supervisor1", null);
        assertThat(overRest.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(overRest.path("helpProvidedByName").asText()).isEqualTo("Supervisor One");
        assertThat(fx.rest("GET", "/interactions/" + chat.id(), "supervisor1", null).path("helpRequested")
                .asBoolean()).isFalse();

        robot.clickOn(console.button("#control-monitor"));
        eventually(() -> assertThat(console.text("#mode-banner")).contains("monitoring silently"));
        eventually(() -> assertThat(console.tableShows("Supervisor One (monitoring)")).isTrue());
        // the stream's update can show before the action's answer: wait for both
        eventually(() -> {
            assertThat(console.enabled("#control-monitor")).isFalse();
            assertThat(console.text("#control-reasons")).contains("Monitor: you are already in monitor mode");
        });

        robot.clickOn(console.button("#control-coach"));
        eventually(() -> assertThat(console.text("#mode-banner")).contains("coaching"));
        eventually(() -> assertThat(console.visible("#message-field")).isTrue());
        robot.clickOn((Node) console.node("#message-field")).write("Offer the goodwill credit");
        eventually(() -> assertThat(Fx.call(() -> console.vm().detail().draft().get()))
                .isEqualTo("Offer the goodwill credit"));
        assertThat(console.enabled("#send-button")).isTrue();
        robot.clickOn(console.button("#send-button"));
        eventually(() -> assertThat(Fx.call(() -> console.vm().detail().draft().get())).isEmpty());
        assertThat(console.text("#detail-error")).isEmpty();

        eventually(() -> assertThat(whispers(agent)).contains("Supervisor One: Offer the goodwill credit"));
        eventually(() -> assertThat(transcript(console)).contains("Offer the goodwill credit"));
        assertThat(Fx.call(() -> agent.vm().supervisorLines().stream()
                .filter(l -> l.text().equals("Offer the goodwill credit")).findFirst().orElseThrow().audience()))
                .hasToString("AGENT");
        eventually(() -> assertThat(console.tableShows("Supervisor One (coaching)")).isTrue());

        robot.clickOn(console.button("#control-barge-in"));
        eventually(() -> assertThat(console.text("#mode-banner")).contains("barged in"));

        robot.clickOn(console.button("#control-disconnect"));
        eventually(() -> {
            assertThat(console.visible("#mode-banner")).isFalse();
            assertThat(console.enabled("#control-disconnect")).isFalse();
            assertThat(console.enabled("#control-monitor")).isTrue();
            assertThat(console.enabled("#control-coach")).isTrue();
            assertThat(console.enabled("#control-barge-in")).isTrue();
            assertThat(console.text("#control-reasons")).isEqualTo("Disconnect: you are not on this interaction");
        });
        assertThat(console.tableShows("Supervisor One (barged in)")).isFalse();

        List<SupervisorAction> actions = fx.actionsOn(chat.id());
        assertThat(actions).extracting(SupervisorAction::action).containsExactly(ActionType.MONITOR,
                ActionType.COACH, ActionType.BARGE_IN, ActionType.DISCONNECT);
        assertThat(actions).allSatisfy(a -> {
            assertThat(a.supervisorId()).isEqualTo("acme:supervisor1");
            assertThat(a.agentId()).isEqualTo("acme:agent2");
            assertThat(a.helpRequestId()).isEqualTo(hr.id());
            assertThat(a.startedAt()).isNotNull();
            assertThat(a.endedAt()).isNotNull().isAfterOrEqualTo(a.startedAt());
        });
        assertThat(actions.get(0).endedAt()).isEqualTo(actions.get(1).startedAt());
        assertThat(actions.get(3).startedAt()).isEqualTo(actions.get(3).endedAt());
        assertThat(fx.rest("GET", "/actions?interactionId=" + chat.id(), "supervisor1", null).path("items"))
                .hasSize(4);
    }

    @Test
    void ctrlEnterConfirmsTheRequestWaitingLongestWithoutTheMouse() {
        Interaction first = fx.interaction("agent2", Channel.CHAT);
        Interaction second = fx.interaction("agent3", Channel.VOICE);
        ConsoleUi console = fx.openConsole("supervisor1");
        HelpRequest older = fx.raiseHelp("agent2", first.id(), "Policy question", null);
        HelpRequest newer = fx.raiseHelp("agent3", second.id(), "Technical issue", null);
        eventually(() -> assertThat(console.trayIds()).containsExactly(older.id(), newer.id()));
        assertThat(console.badge()).isEqualTo("2");

        console.focus();
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);

        eventually(() -> assertThat(console.trayIds()).containsExactly(newer.id()));
        eventually(() -> assertThat(console.text("#help-status"))
                .isEqualTo("Help request in progress: help provided by Supervisor One"));
        assertThat(Fx.call(() -> console.vm().detail().selectedId())).isEqualTo(first.id());
        eventually(() -> assertThat(console.enabled("#control-coach")).isTrue());
        assertThat(console.enabled("#control-monitor")).isTrue();
        assertThat(console.enabled("#control-barge-in")).isTrue();
        assertThat(console.badge()).isEqualTo("1");
        assertThat(fx.storedRequest(older.id()).status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        assertThat(fx.storedRequest(older.id()).helpProvidedBy()).isEqualTo("acme:supervisor1");
        assertThat(fx.storedRequest(newer.id()).status()).isEqualTo(HelpRequestStatus.PENDING);
        assertThat(fx.storedInteraction(first.id()).helpRequested()).isFalse();
        assertThat(fx.storedInteraction(second.id()).helpRequested()).isTrue();
    }

    /** The title of the help-request notice (toast) when it shows. */
    private List<String> toastTitles() {
        return Fx.call(() -> robot.lookup("#toast").queryAll().stream().filter(Node::isVisible)
                .map(t -> ((Labeled) robot.from(t).lookup("#toast-title").query()).getText()).toList());
    }

    private static List<String> whispers(AgentUi agent) {
        return Fx.call(() -> agent.vm().supervisorLines().stream().map(l -> l.authorName() + ": " + l.text())
                .toList());
    }

    private static List<String> transcript(ConsoleUi console) {
        ListView<TranscriptLineDto> list = console.node("#transcript");
        return Fx.call(() -> list.getItems().stream().map(TranscriptLineDto::text).toList());
    }
}
