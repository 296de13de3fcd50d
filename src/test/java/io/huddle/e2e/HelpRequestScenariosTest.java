package io.huddle.e2e;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import javafx.scene.Node;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's two scenarios end to end: Agent Two's mini-window and Supervisor One's console, side by side,
 * against one real gateway. Each bullet of the requirement is checked on screen and in the gateway's store.
 */
class HelpRequestScenariosTest extends ConsoleUiTest {
    private Interaction chat;
    private ConsoleUi console;
    private AgentUi agent;

    @BeforeEach
    void openTheScene() {
        chat = fx.interaction("agent2", Channel.CHAT);
        console = fx.openConsole("supervisor1");
        agent = fx.openAgentWindow("agent2");
    }

    /** The agent asks for help from the window; returns the new request's id once the console shows it. */
    private String agentRequestsHelp(String comment) {
        eventually(() -> assertThat(agent.helpButtonText()).isEqualTo("Request help (Ctrl+H)"));
        eventually(() -> assertThat(agent.helpButtonEnabled()).isTrue());
        robot.clickOn((Node) agent.node("#agent-comment")).write(comment);
        agent.clickHelp();
        eventually(() -> assertThat(agent.status()).startsWith("Help requested ")
                .contains("1 supervisor notified."));
        assertThat(agent.helpButtonText()).isEqualTo("Cancel request (Ctrl+H)");
        String id = agent.requestId();
        eventually(() -> assertThat(console.trayIds()).containsExactly(id));
        return id;
    }

    private void supervisorConfirms(String id) {
        robot.clickOn(console.button("#confirm-" + id));
        eventually(() -> assertThat(agent.status()).isEqualTo("In progress: Supervisor One is helping you."));
    }

    @Test
    void scenario1SupervisorAcceptsAHelpRequest() {
        String id = agentRequestsHelp("wants a refund");
        HelpRequest pending = fx.storedRequest(id);
        assertThat(pending.status()).isEqualTo(HelpRequestStatus.PENDING);
        assertThat(pending.reason()).isEqualTo("Customer escalation");
        assertThat(pending.comment()).isEqualTo("wants a refund");
        assertThat(pending.assignedTo()).containsExactlyInAnyOrder("acme:supervisor1", "acme:supervisor2");
        assertThat(fx.storedInteraction(chat.id()).helpRequested()).isTrue();
        eventually(() -> assertThat(console.helpMarkers()).isEqualTo(1));

        supervisorConfirms(id);

        // Monitor, Coach and Barge In are enabled in the active call window
        eventually(() -> {
            assertThat(console.enabled("#control-monitor")).isTrue();
            assertThat(console.enabled("#control-coach")).isTrue();
            assertThat(console.enabled("#control-barge-in")).isTrue();
        });
        // the interaction's help-request flag is false
        eventually(() -> assertThat(console.helpMarkers()).isZero());
        assertThat(console.row(chat.id()).helpRequestedProperty().get()).isFalse();
        assertThat(fx.storedInteraction(chat.id()).helpRequested()).isFalse();
        assertThat(fx.rest("GET", "/interactions/" + chat.id(), "agent2", null).path("helpRequested").asBoolean())
                .isFalse();
        // the Help Request status is In Progress, HelpProvidedBy is the accepting supervisor
        assertThat(console.text("#help-status"))
                .isEqualTo("Help request in progress: help provided by Supervisor One");
        assertThat(agent.helpButtonText()).isEqualTo("Close help request (Ctrl+H)");
        HelpRequest accepted = fx.storedRequest(id);
        assertThat(accepted.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        assertThat(accepted.helpProvidedBy()).isEqualTo("acme:supervisor1");
        assertThat(accepted.helpProvidedByName()).isEqualTo("Supervisor One");
        JsonNode seenByAgent = fx.rest("GET", "/help-requests/" + id, "agent2", null);
        assertThat(seenByAgent.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(seenByAgent.path("helpProvidedBy").asText()).isEqualTo("acme:supervisor1");
    }

    @Test
    void scenario2AgentClosesAHelpRequestWhileInProgress() {
        String id = agentRequestsHelp("card declined twice");
        supervisorConfirms(id);
        eventually(() -> assertThat(console.enabled("#control-coach")).isTrue());
        robot.clickOn(console.button("#control-coach"));
        eventually(() -> assertThat(agent.supervisorLines())
                .contains("Huddle: Supervisor One is coaching you (the customer cannot hear or see this)"));

        // the Help Request button turns into a close button
        assertThat(agent.helpButtonText()).startsWith("Close help request");
        assertThat(agent.helpButtonEnabled()).isTrue();

        // "Keep it" changes nothing
        agent.clickHelp();
        eventually(() -> assertThat(agent.dialog("agent-confirm")).isPresent());
        assertThat(Fx.call(() -> agent.dialog("agent-confirm").orElseThrow().getHeaderText()))
                .isEqualTo("Close the help request?");
        robot.clickOn(agent.dialogButton("agent-confirm", "Keep it"));
        eventually(() -> assertThat(agent.dialog("agent-confirm")).isEmpty());
        assertThat(fx.storedRequest(id).status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        assertThat(agent.helpButtonText()).startsWith("Close help request");

        agent.clickHelp();
        eventually(() -> assertThat(agent.dialog("agent-confirm")).isPresent());
        robot.clickOn(agent.dialogButton("agent-confirm", "Close request"));

        // a confirmation alert displays
        eventually(() -> assertThat(agent.dialog("agent-alert")).isPresent());
        assertThat(Fx.call(() -> agent.dialog("agent-alert").orElseThrow().getContentText()))
                .isEqualTo("Help request closed. You can ask for help again at any time.");
        // the system records the closed status
        HelpRequest closed = fx.storedRequest(id);
        assertThat(closed.status()).isEqualTo(HelpRequestStatus.CLOSED);
        assertThat(closed.endReason()).isEqualTo(HelpRequest.EndReason.AGENT_CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(fx.rest("GET", "/help-requests/" + id, "supervisor1", null).path("status").asText())
                .isEqualTo("CLOSED");
        eventually(() -> assertThat(console.visible("#help-status")).isFalse());

        robot.clickOn(agent.dialogButton("agent-alert", "OK"));
        eventually(() -> assertThat(agent.dialog("agent-alert")).isEmpty());

        // the agent can submit a new Help Request at once
        assertThat(agent.helpButtonText()).isEqualTo("Request help (Ctrl+H)");
        assertThat(agent.status()).isEqualTo("No help request.");
        String second = agentRequestsHelp("one more question");
        assertThat(second).isNotEqualTo(id);
        assertThat(fx.storedRequest(second).status()).isEqualTo(HelpRequestStatus.PENDING);
        assertThat(fx.storedInteraction(chat.id()).helpRequested()).isTrue();
        eventually(() -> assertThat(console.badge()).isEqualTo("1"));
    }
}
