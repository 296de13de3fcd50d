package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.e2e.ConsoleFixture;
import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.Fx;
import io.huddle.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The tray card of a waiting request as the supervisor sees it, with the real gateway on a clock the test
 * moves and its escalation ladder ticked by hand: plain until {@code remindAfter} (30 s), marked overdue from
 * then, past the service level at 60 s and escalated at 90 s (the default ladder).
 */
class ConsoleOverdueTrayTest {
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private ConsoleFixture fx;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() {
        fx = ConsoleFixture.start(dir, c -> c.withClock(clock));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /**
     * Moves the gateway's time and takes the ladder's due steps (its own ticker may take them first: each is
     * taken once either way); answers how many steps the request has on record then.
     */
    private int after(long seconds, HelpRequest hr) {
        clock.advance(Duration.ofSeconds(seconds));
        fx.gateway().server().escalationLadder().tick();
        return fx.storedRequest(hr.id()).escalations().size();
    }

    private Node card() {
        return Fx.call(() -> robot.lookup(".tray-card").query());
    }

    private boolean overdue() {
        return Fx.call(() -> card().getPseudoClassStates().contains(OVERDUE));
    }

    /** The card's ladder line, or null while it is hidden. */
    private String ladder() {
        return Fx.call(() -> {
            Label l = robot.from(card()).lookup(".ladder").query();
            return l.isVisible() ? l.getText() : null;
        });
    }

    @Test
    void theCardIsMarkedOverdueOnceRemindedThenPastTheServiceLevelAndEscalated() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        ConsoleUi console = fx.openConsole("supervisor1");
        HelpRequest hr = fx.raiseHelp("agent2", chat.id(), "Billing dispute", null);
        eventually(() -> assertThat(console.trayIds()).containsExactly(hr.id()));

        assertThat(after(29, hr)).as("nothing is due before remindAfter: routed only").isEqualTo(1);
        assertThat(console.trayIds()).containsExactly(hr.id());
        eventually(() -> assertThat(overdue()).isFalse()); // once the card is drawn
        assertThat(ladder()).isNull();

        assertThat(after(1, hr)).as("reminded").isEqualTo(2);
        eventually(() -> assertThat(overdue()).isTrue());
        assertThat(ladder()).isEqualTo("Overdue: still waiting");

        assertThat(after(30, hr)).as("breached").isEqualTo(3);
        eventually(() -> assertThat(ladder()).isEqualTo("Overdue: past the service level"));

        // the demo tenant has no lead and names no escalation group: the step adds nobody, and says so
        assertThat(after(30, hr)).as("escalated").isEqualTo(4);
        eventually(() -> assertThat(ladder())
                .isEqualTo("Overdue: past the service level · no more supervisors to escalate to"));
        assertThat(overdue()).isTrue();
        assertThat(console.trayIds()).containsExactly(hr.id());
    }
}
