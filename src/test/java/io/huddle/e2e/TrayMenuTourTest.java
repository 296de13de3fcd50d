package io.huddle.e2e;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's icon in a real system tray, for people to look at: a tray of the tour's own on the display
 * (trayer, a panel with a freedesktop system tray), two help requests waiting on the icon, its tooltip, and
 * its menu opened with a right click (Show Huddle, Available / Busy / Away, Quit). Tagged like the screenshot
 * tour ({@code scripts/screenshots.sh} runs it under Xvfb, with AWT given the display).
 */
@Tag("screenshots")
class TrayMenuTourTest {
    /** The panel's place: the top right corner of the screen. */
    private static final int PANEL_WIDTH = 120;
    private static final int PANEL_HEIGHT = 28;

    @TempDir
    Path dir;

    @Test
    void theTrayIconCountsTheRequestsAndItsMenuOffersShowPresenceAndQuit() throws Exception {
        assertThat(GraphicsEnvironment.isHeadless()).as("AWT needs the display: run with -Pscreenshots").isFalse();
        Process panel = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel",
                "--width", Integer.toString(PANEL_WIDTH), "--height", Integer.toString(PANEL_HEIGHT),
                "--transparent", "false", "--tint", "0xdddddd", "--SetDockType", "true")
                .redirectErrorStream(true).redirectOutput(Files.createFile(dir.resolve("trayer.log")).toFile()).start();
        try (ConsoleFixture fx = ConsoleFixture.start(dir)) {
            Awaitility.await().atMost(15, TimeUnit.SECONDS).until(SystemTray::isSupported);
            Interaction maria = fx.interaction("agent2", Channel.CHAT, "Maria Silva", "Returns", Duration.ofMinutes(4));
            Interaction noah = fx.interaction("agent1", Channel.VOICE, "Noah Schmidt", "Billing", Duration.ofMinutes(7));
            ConsoleUi console = fx.openConsole("supervisor1");
            fx.raiseHelp("agent2", maria.id(), "Refund not received", "third time asking");
            fx.raiseHelp("agent1", noah.id(), "Technical issue", null);
            eventually(() -> assertThat(console.trayIds()).hasSize(2));

            Map<String, Integer> icon = iconWindow();
            int x = icon.get("X") + icon.get("WIDTH") / 2;
            int y = icon.get("Y") + icon.get("HEIGHT") / 2;
            Snapshots shots = Snapshots.inTarget();
            double width = Fx.call(() -> javafx.stage.Screen.getPrimary().getBounds().getWidth());
            // a picture, not a check: the tooltip and the menu come on the desktop's own time
            xdotool("mousemove", Integer.toString(x), Integer.toString(y));
            Thread.sleep(2500);
            shots.screen("16-tray-icon-tooltip", width - 420, 0, 420, 120);
            // away until the tooltip goes, then a right click at once, before the tooltip could come back over the menu
            xdotool("mousemove", Integer.toString(x - 600), Integer.toString(y + 500));
            Thread.sleep(2000);
            xdotool("mousemove", Integer.toString(x), Integer.toString(y), "click", "3");
            Thread.sleep(300);
            xdotool("mousemove", Integer.toString(x - 600), Integer.toString(y + 500));
            Thread.sleep(1500);
            Path menu = shots.screen("17-tray-menu");
            shots.screen("17b-tray-menu-close", width - 420, 0, 420, 220);
            assertThat(Files.size(menu)).isGreaterThan(5_000);
            xdotool("key", "Escape");
        } finally {
            panel.destroy();
        }
    }

    /** Where AWT's tray icon is on the screen: its embedded window in the panel. */
    private static Map<String, Integer> iconWindow() throws Exception {
        String id = Awaitility.await().atMost(15, TimeUnit.SECONDS).until(
                () -> xdotool("search", "--name", "^JavaEmbeddedFrame$").strip(), s -> !s.isEmpty()).lines()
                .findFirst().orElseThrow();
        Map<String, Integer> geometry = new HashMap<>();
        xdotool("getwindowgeometry", "--shell", id).lines().filter(l -> l.contains("=")).forEach(l -> {
            String[] kv = l.split("=", 2);
            if (kv[1].matches("-?\\d+")) {
                geometry.put(kv[0], Integer.parseInt(kv[1]));
            }
        });
        assertThat(geometry).containsKeys("X", "Y", "WIDTH", "HEIGHT");
        return geometry;
    }

    private static String xdotool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "xdotool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
