package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.ConsoleUi;
import org.junit.jupiter.api.Test;

/** A request that leaves the tray without this supervisor: the agent cancels it, or another supervisor takes it. */
class TrayNoticesTest extends ConsoleUiTest {
    @Test
    void theAgentCancellingWhilePendingLeavesANoticeAndTakesTheCardAway() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        ConsoleUi console = fx.openConsole("supervisor1");
        HelpRequest hr = fx.raiseHelp("agent2", chat.id(), "Customer escalation", null);
        eventually(() -> assertThat(console.trayIds()).containsExactly(hr.id()));
        assertThat(console.badge()).isEqualTo("1");
        assertThat(console.notices()).isEmpty();

        fx.rest("POST", "/help-requests/" + hr.id() + "/cancel", "agent2", null);

        eventually(() -> assertThat(console.notices()).containsExactly("Agent Two cancelled their request"));
        assertThat(console.trayIds()).isEmpty();
        assertThat(console.find("#confirm-" + hr.id())).isEmpty();
        assertThat(console.badge()).isEmpty();
        assertThat(console.visible("#tray-badge")).isFalse();
        eventually(() -> assertThat(console.helpMarkers()).isZero());
        HelpRequest stored = fx.storedRequest(hr.id());
        assertThat(stored.status()).isEqualTo(HelpRequestStatus.CANCELLED);
        assertThat(stored.endReason()).isEqualTo(HelpRequest.EndReason.AGENT_CANCELLED);
        assertThat(fx.storedInteraction(chat.id()).helpRequested()).isFalse();
    }

    @Test
    void aRequestAcceptedByAnotherSupervisorLeavesWithANoticeNamingThem() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        Interaction call = fx.interaction("agent3", Channel.VOICE);
        ConsoleUi console = fx.openConsole("supervisor1");
        HelpRequest taken = fx.raiseHelp("agent2", chat.id(), "Billing dispute", "wants a refund");
        HelpRequest stays = fx.raiseHelp("agent3", call.id(), "Technical issue", null);
        eventually(() -> assertThat(console.trayIds()).containsExactly(taken.id(), stays.id()));
        assertThat(console.badge()).isEqualTo("2");

        JsonNode accepted = fx.rest("POST", "/help-requests/" + taken.id() + "/accept", "supervisor2", null);
        assertThat(accepted.path("helpProvidedByName").asText()).isEqualTo("Supervisor Two");

        eventually(() -> assertThat(console.notices())
                .containsExactly("Supervisor Two accepted Agent Two's request"));
        assertThat(console.trayIds()).containsExactly(stays.id());
        assertThat(console.badge()).isEqualTo("1");
        assertThat(console.find("#confirm-" + taken.id())).isEmpty();

        // Opening the interaction now shows who helps and keeps Coach and Barge In off for supervisor1.
        robot.clickOn(console.cell("Agent Two").orElseThrow());
        eventually(() -> assertThat(console.text("#help-status"))
                .isEqualTo("Help request in progress: help provided by Supervisor Two"));
        eventually(() -> assertThat(console.enabled("#control-monitor")).isTrue());
        assertThat(console.enabled("#control-coach")).isFalse();
        assertThat(console.enabled("#control-barge-in")).isFalse();
        assertThat(console.text("#control-reasons"))
                .contains("Coach, Barge In: Supervisor Two is providing help on this interaction");
        HelpRequest stored = fx.storedRequest(taken.id());
        assertThat(stored.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        assertThat(stored.helpProvidedBy()).isEqualTo("acme:supervisor2");
    }

    @Test
    void bothNoticesStackNewestFirst() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        Interaction call = fx.interaction("agent3", Channel.VOICE);
        ConsoleUi console = fx.openConsole("supervisor1");
        HelpRequest cancelled = fx.raiseHelp("agent2", chat.id(), "Other", null);
        HelpRequest taken = fx.raiseHelp("agent3", call.id(), "Policy question", null);
        eventually(() -> assertThat(console.trayIds()).hasSize(2));

        fx.rest("POST", "/help-requests/" + cancelled.id() + "/cancel", "agent2", null);
        eventually(() -> assertThat(console.notices()).hasSize(1));
        fx.rest("POST", "/help-requests/" + taken.id() + "/accept", "supervisor2", null);

        eventually(() -> assertThat(console.notices()).containsExactly(
                "Supervisor Two accepted Agent Three's request", "Agent Two cancelled their request"));
        assertThat(console.trayIds()).isEmpty();
        assertThat(console.visible("#tray-badge")).isFalse();
    }
}
