package io.huddle.agent;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.SupervisorMode;
import io.huddle.e2e.AgentStream;
import io.huddle.e2e.AgentUi;
import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.ParticipantDto;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent mini-window with a supervisor console on the same gateway: cancelling a pending request
 * tells the supervisor, and a silent monitor never shows in the agent's window nor on the agent's stream.
 */
class AgentCancelAndSilentMonitorTest extends ConsoleUiTest {
    private Interaction chat;

    @BeforeEach
    void openTheScene() {
        chat = fx.interaction("agent2", Channel.CHAT);
    }

    @Test
    void theAgentCancelsWhilePendingAndTheSupervisorIsTold() {
        ConsoleUi console = fx.openConsole("supervisor1");
        AgentUi agent = fx.openAgentWindow("agent2");
        eventually(() -> assertThat(agent.helpButtonEnabled()).isTrue());
        agent.clickHelp();
        eventually(() -> assertThat(agent.helpButtonText()).isEqualTo("Cancel request (Ctrl+H)"));
        String id = agent.requestId();
        eventually(() -> assertThat(console.trayIds()).containsExactly(id));

        agent.clickHelp();
        eventually(() -> assertThat(agent.dialog("agent-confirm")).isPresent());
        assertThat(Fx.call(() -> agent.dialog("agent-confirm").orElseThrow().getHeaderText()))
                .isEqualTo("Cancel your help request?");
        robot.clickOn(agent.dialogButton("agent-confirm", "Cancel request"));

        eventually(() -> assertThat(agent.dialog("agent-alert")).isPresent());
        assertThat(Fx.call(() -> agent.dialog("agent-alert").orElseThrow().getContentText()))
                .isEqualTo("Your help request was cancelled.");
        eventually(() -> assertThat(console.notices()).containsExactly("Agent Two cancelled their request"));
        assertThat(console.trayIds()).isEmpty();
        assertThat(console.visible("#tray-badge")).isFalse();
        HelpRequest cancelled = fx.storedRequest(id);
        assertThat(cancelled.status()).isEqualTo(HelpRequestStatus.CANCELLED);
        assertThat(cancelled.endReason()).isEqualTo(HelpRequest.EndReason.AGENT_CANCELLED);
        assertThat(cancelled.cancelledAt()).isNotNull();
        assertThat(fx.storedInteraction(chat.id()).helpRequested()).isFalse();

        robot.clickOn(agent.dialogButton("agent-alert", "OK"));
        eventually(() -> assertThat(agent.helpButtonText()).isEqualTo("Request help (Ctrl+H)"));
        assertThat(agent.status()).isEqualTo("No help request.");
    }

    @Test
    void silentMonitoringIsNeverVisibleToTheAgent() {
        AgentStream stream = fx.agentStream("agent2");
        AgentUi agent = fx.openAgentWindow("agent2");
        ConsoleUi console = fx.openConsole("supervisor1");
        eventually(() -> assertThat(console.cell("Agent Two")).isPresent());

        robot.clickOn(console.cell("Agent Two").orElseThrow());
        eventually(() -> assertThat(console.enabled("#control-monitor")).isTrue());
        robot.clickOn(console.button("#control-monitor"));
        eventually(() -> assertThat(console.text("#mode-banner")).contains("monitoring silently"));
        eventually(() -> assertThat(console.tableShows("Supervisor One (monitoring)")).isTrue());
        List<SupervisorAction> actions = fx.actionsOn(chat.id());
        assertThat(actions).extracting(SupervisorAction::action).containsExactly(ActionType.MONITOR);
        assertThat(actions.get(0).helpRequestId()).isNull();
        assertThat(fx.floorReads().interaction(fx.user("supervisor1"), chat.id()).participants())
                .anyMatch(p -> p.kind() == Participant.Kind.SUPERVISOR && p.mode() == SupervisorMode.MONITOR);

        // The agent's window shows nothing of it...
        assertThat(agent.supervisorLines()).isEmpty();
        assertThat(agent.status()).isEqualTo("No help request.");
        assertThat(agent.allTexts()).noneMatch(t -> t.contains("Supervisor One"));
        assertThat(supervisors(agent.participants())).isEmpty();
        assertThat(supervisors(agentFloor(stream))).isEmpty();
        assertThat(fx.rest("GET", "/interactions/" + chat.id(), "agent2", null).path("participants").toString())
                .doesNotContain("Supervisor One");

        // ... and its stream got nothing at all. Coaching is visible, and its frames come after any the
        // monitor would have caused (one stream is delivered in order), so once they are here, we know.
        robot.clickOn(console.button("#control-coach"));
        eventually(() -> assertThat(agent.supervisorLines())
                .containsExactly("Huddle: Supervisor One is coaching you (the customer cannot hear or see this)"));
        eventually(() -> assertThat(supervisors(agentFloor(stream)))
                .containsExactly("Supervisor One (COACH)"));
        List<AgentStream.Event> events = stream.events();
        assertThat(events.get(0).frame().toString()).contains("COACH");
        assertThat(events).noneMatch(e -> e.frame().toString().contains("MONITOR"));
        assertThat(supervisors(agent.participants())).containsExactly("Supervisor One (COACH)");

        // Back to silent: the agent sees the coach leave, and no monitor.
        robot.clickOn(console.button("#control-monitor"));
        eventually(() -> assertThat(console.tableShows("Supervisor One (monitoring)")).isTrue());
        eventually(() -> assertThat(supervisors(agentFloor(stream))).isEmpty());
        eventually(() -> assertThat(supervisors(agent.participants())).isEmpty());
        assertThat(stream.events()).noneMatch(e -> e.frame().toString().contains("MONITOR"));
        assertThat(agent.allTexts()).noneMatch(t -> t.contains("monitor"));
    }

    private static List<ParticipantDto> agentFloor(AgentStream stream) {
        return stream.floor().interactions().values().stream().map(InteractionDto::participants)
                .flatMap(List::stream).toList();
    }

    private static List<String> supervisors(List<ParticipantDto> participants) {
        return participants.stream().filter(p -> p.kind() == Participant.Kind.SUPERVISOR)
                .map(p -> p.name() + " (" + p.mode() + ")").toList();
    }
}
