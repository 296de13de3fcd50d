package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import io.huddle.e2e.ConsoleFixture;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.ConsoleUi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway goes away and comes back (same data directory, as after a crash): the console says it is
 * reconnecting and turns every control off, then shows exactly the gateway's floor again — no row of an
 * interaction that ended meanwhile, no card of a request cancelled meanwhile, the request raised meanwhile
 * in the tray, and no supervisor leg (legs do not survive a restart).
 */
class ConsoleOfflineResumeTest extends ConsoleUiTest {
    @Test
    void offlineControlsAreOffAndAfterTheRestartListAndTrayEqualTheGateway() {
        Interaction voice = fx.interaction("agent1", Channel.VOICE);
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        Interaction messaging = fx.interaction("agent3", Channel.MESSAGING);
        ConsoleUi console = fx.openConsole("supervisor1");
        HelpRequest onVoice = fx.raiseHelp("agent1", voice.id(), "Technical issue", null);
        HelpRequest onChat = fx.raiseHelp("agent2", chat.id(), "Other", null);
        eventually(() -> assertThat(console.trayIds()).containsExactly(onVoice.id(), onChat.id()));
        robot.clickOn(console.button("#confirm-" + onVoice.id()));
        eventually(() -> assertThat(console.enabled("#control-monitor")).isTrue());
        robot.clickOn(console.button("#control-monitor"));
        eventually(() -> assertThat(console.tableShows("Supervisor One (monitoring)")).isTrue());

        fx.gateway().stop();

        eventually(() -> assertThat(console.text("#connection-status")).startsWith("Reconnecting to ")
                .contains("Controls are off"));
        for (String control : ConsoleUi.CONTROLS) {
            assertThat(console.enabled(control)).as(control).isFalse();
        }
        assertThat(console.text("#control-reasons"))
                .isEqualTo("Monitor, Coach, Barge In, Disconnect: offline: reconnecting to the gateway");
        assertThat(console.enabled("#confirm-" + onChat.id())).isFalse();
        // After the third failed attempt the next one is about 2 s away: time to change the floor unseen.
        eventually(() -> assertThat(console.text("#connection-status")).contains("(attempt 3,"));

        fx.gateway().startAgain();
        // The floor changes while the console is away (it then gets them in a fresh snapshot, not as events).
        fx.platformSide().endInteraction(ConsoleFixture.TENANT, messaging.id());
        fx.helpLifecycle().cancelHelp(fx.user("agent2"), onChat.id());
        Interaction late = fx.interaction("agent3", Channel.CHAT);
        HelpRequest missed = fx.raiseHelp("agent3", late.id(), "Billing dispute", "second call today");

        eventually(() -> assertThat(console.text("#connection-status")).startsWith("Connected to "));
        eventually(() -> {
            assertThat(console.rowIds()).isEqualTo(gatewayInteractionIds());
            assertThat(console.trayIds()).isEqualTo(gatewayPendingRequestIds());
        });
        assertThat(console.rowIds()).containsExactlyInAnyOrder(voice.id(), chat.id(), late.id());
        assertThat(console.trayIds()).containsExactly(missed.id());
        assertThat(console.badge()).isEqualTo("1");
        assertThat(console.row(voice.id()).supervisorsProperty().get()).isEmpty();
        assertThat(console.tableShows("Supervisor One (monitoring)")).isFalse();

        // The selected interaction is viewed again: the request survived, the leg did not.
        eventually(() -> {
            assertThat(console.enabled("#control-monitor")).isTrue();
            assertThat(console.visible("#mode-banner")).isFalse();
            assertThat(console.text("#help-status"))
                    .isEqualTo("Help request in progress: help provided by Supervisor One");
            assertThat(console.enabled("#control-coach")).isTrue();
            assertThat(console.enabled("#control-disconnect")).isFalse();
            assertThat(console.text("#control-reasons")).isEqualTo("Disconnect: you are not on this interaction");
        });
        List<SupervisorAction> actions = fx.actionsOn(voice.id());
        assertThat(actions).extracting(SupervisorAction::action).containsExactly(ActionType.MONITOR);
        assertThat(actions.get(0).endedAt()).isNotNull();

        // And it works again: Monitor is accepted by the restarted gateway.
        robot.clickOn(console.button("#control-monitor"));
        eventually(() -> assertThat(console.tableShows("Supervisor One (monitoring)")).isTrue());
    }

    private List<String> gatewayInteractionIds() {
        List<String> ids = new ArrayList<>();
        fx.rest("GET", "/interactions", "supervisor1", null).path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids.stream().sorted().toList();
    }

    private List<String> gatewayPendingRequestIds() {
        List<String> ids = new ArrayList<>();
        JsonNode page = fx.rest("GET", "/help-requests?status=PENDING", "supervisor1", null);
        page.path("items").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }
}
