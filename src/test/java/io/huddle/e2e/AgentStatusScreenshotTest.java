package io.huddle.e2e;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.settings.UserSettings;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent window's status line at its default size, light and dark, on real windows: the whole sentence
 * shows (it wraps), and the PNGs say so to the eye. Run at twice the scale with
 * {@code -Dhuddle.shots.uiScale=2} (read before the toolkit starts).
 */
@Tag("screenshots")
class AgentStatusScreenshotTest {
    static {
        String scale = System.getProperty("huddle.shots.uiScale");
        if (scale != null) {
            System.setProperty("glass.gtk.uiScale", scale);
        }
    }

    @TempDir
    Path dir;

    @Test
    void theWaitingStatusIsNeverCut() {
        String suffix = System.getProperty("huddle.shots.uiScale", "1") + "x";
        Snapshots shots = Snapshots.inTarget();
        try (ConsoleFixture fx = ConsoleFixture.start(dir)) {
            Interaction chat = fx.interaction("agent2", Channel.CHAT, "Maria Silva", "Returns",
                    java.time.Duration.ofSeconds(40));
            // no supervisor signed in: the longest sentence the status says while a request waits
            AgentUi agent = fx.openAgentWindow("agent2", UserSettings.defaults());
            Fx.run(() -> agent.vm().selected().set(agent.vm().interactions().stream()
                    .filter(i -> i.id().equals(chat.id())).findFirst().orElseThrow()));
            agent.clickHelp();
            eventually(() -> assertThat(agent.status()).startsWith("Help requested").endsWith("stays open."));
            for (boolean dark : new boolean[] {false, true}) {
                Fx.run(() -> io.huddle.ui.Theme.apply(dark));
                Fx.run(() -> agent.root().applyCss());
                Fx.run(() -> agent.root().layout());
                Label status = agent.node("#agent-status");
                java.util.List<String> drawnAndFull = Fx.call(() -> java.util.List.of(shownText(status), status.getText()));
                assertThat(drawnAndFull.get(0)).as("the status, as drawn").isEqualTo(drawnAndFull.get(1));
                Bounds b = Fx.call(() -> status.localToScene(status.getBoundsInLocal()));
                assertThat(b.getMaxX()).isLessThanOrEqualTo(Fx.call(() -> agent.stage().getScene().getWidth()));
                shots.scene(agent.stage().getScene(), "agent-status-" + (dark ? "dark" : "light") + "-" + suffix);
            }
            shots.screen("agent-status-desktop-" + suffix);
        }
    }

    /** The text the label draws: its own, or with an ellipsis where it was cut. */
    private static String shownText(Label label) {
        Text text = (Text) label.lookup(".text");
        return text.getText().replace("\n", " ");
    }
}
