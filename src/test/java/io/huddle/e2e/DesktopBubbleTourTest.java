package io.huddle.e2e;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.console.NotificationSink;
import io.huddle.console.dbus.DbusNotificationSink;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.settings.UserSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real desktop notification for people to look at: a session bus of the tour's own with a real
 * notification daemon on it (dunst), the console behind another window, and an agent asking for help.
 * Tagged like the screenshot tour ({@code scripts/screenshots.sh} runs both under Xvfb).
 */
@Tag("screenshots")
class DesktopBubbleTourTest {
    @TempDir
    Path dir;

    @Test
    void aHelpRequestIsABubbleOverAnotherWindow() throws Exception {
        Process bus = new ProcessBuilder("dbus-daemon", "--session", "--print-address", "--nofork")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process daemon = null;
        try (ConsoleFixture fx = ConsoleFixture.start(dir)) {
            String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                    .readLine().trim();
            ProcessBuilder dunst = new ProcessBuilder("dunst").redirectErrorStream(true)
                    .redirectOutput(Files.createFile(dir.resolve("dunst.log")).toFile());
            dunst.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
            daemon = dunst.start();
            CountDownLatch shown = new CountDownLatch(1);
            Interaction chat = fx.interaction("agent2", Channel.CHAT, "Maria Silva", "Returns", Duration.ofMinutes(4));
            ConsoleUi console = fx.openConsole("supervisor1", UserSettings.defaults(),
                    () -> connectWhenServed(address).map(sink -> counting(sink, shown)));
            eventually(() -> assertThat(console.rowIds()).containsExactly(chat.id()));
            Stage elsewhere = Fx.call(() -> {
                Stage s = new Stage();
                s.setTitle("Another program");
                s.setScene(new Scene(new Label("Another program the supervisor works in"), 900, 600));
                s.setX(240);
                s.setY(160);
                s.show();
                s.toFront();
                s.requestFocus();
                return s;
            });
            eventually(() -> assertThat(Fx.call(() -> console.stage().isFocused())).isFalse());

            fx.raiseHelp("agent2", chat.id(), "Refund not received", "third time asking");
            assertThat(shown.await(15, TimeUnit.SECONDS)).as("the bubble was sent to dunst").isTrue();
            Thread.sleep(1000); // dunst draws the bubble on its own time; this is a picture, not a check
            Path png = Snapshots.inTarget().screen("15-desktop-notification");
            assertThat(Files.size(png)).isGreaterThan(5_000);
            Fx.run(elsewhere::close);
        } finally {
            if (daemon != null) {
                daemon.destroy();
            }
            bus.destroy();
        }
    }

    /** dunst takes its name on the bus a moment after it starts. */
    private static Optional<NotificationSink> connectWhenServed(String address) {
        for (int i = 0; i < 50; i++) {
            Optional<NotificationSink> sink = DbusNotificationSink.at(address);
            if (sink.isPresent()) {
                return sink;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The sink, counting down once a bubble was shown. */
    private static NotificationSink counting(NotificationSink sink, CountDownLatch shown) {
        return new NotificationSink() {
            @Override
            public long show(long replaces, Notice notice) {
                long id = sink.show(replaces, notice);
                shown.countDown();
                return id;
            }

            @Override
            public void close(long id) {
                sink.close(id);
            }

            @Override
            public void onActivated(LongConsumer listener) {
                sink.onActivated(listener);
            }

            @Override
            public void onClosed(LongConsumer listener) {
                sink.onClosed(listener);
            }

            @Override
            public void close() {
                sink.close();
            }
        };
    }
}
