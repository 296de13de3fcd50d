package io.huddle.agent;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.e2e.AgentUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.testing.AccessibilityAudit;
import io.huddle.testing.FocusWalk;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent mini-window on a real gateway: every control has a name and help text while the agent is on a call, while
 * the request waits and in the dialog that asks before cancelling it; the keyboard's focus goes down the window.
 */
class AgentAccessibilityTest extends ConsoleUiTest {
    private final SoftAssertions soft = new SoftAssertions();

    @AfterEach
    void allStatesPass() {
        soft.assertAll();
    }

    @Test
    void theAgentWindowIsNamedAndExplainedIdlePendingAndAsking() {
        fx.interaction("agent2", Channel.CHAT, "Maria Silva", "Billing", Duration.ofMinutes(2));
        AgentUi agent = fx.openAgentWindow("agent2");
        eventually(() -> assertThat(agent.helpButtonEnabled()).isTrue());
        assertNoOffenders("on a call, no request yet", agent);

        agent.focus();
        FocusWalk walk = FocusWalk.tab(robot, agent.stage(), 20);
        assertThat(walk.problems()).as(walk.report()).isEmpty();
        assertThat(walk.stops()).extracting(s -> s.node().getId()).as(walk.report()).containsSubsequence(
                "agent-interaction", "agent-reason", "agent-comment", "agent-help-button", "agent-on-top");

        agent.clickHelp();
        eventually(() -> assertThat(agent.helpButtonText()).isEqualTo("Cancel request (Ctrl+H)"));
        eventually(() -> assertThat(agent.status()).isNotBlank());
        assertNoOffenders("the request pending", agent);

        agent.clickHelp();
        eventually(() -> assertThat(agent.dialog("agent-confirm")).isPresent());
        assertNoOffenders("asked before cancelling", agent);
        robot.clickOn(agent.dialogButton("agent-confirm", "Keep it"));
        eventually(() -> assertThat(agent.dialog("agent-confirm")).isEmpty());
    }

    private void assertNoOffenders(String state, AgentUi agent) {
        List<AccessibilityAudit.Offender> offenders = Fx.call(() -> AccessibilityAudit.of(agent.stage()));
        soft.assertThat(offenders).as("%s: %s", state, AccessibilityAudit.report(offenders)).isEmpty();
    }
}
