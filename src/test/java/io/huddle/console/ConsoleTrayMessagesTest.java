package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.huddle.console.TrayNotificationSinkTest.RecordingMessages;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.settings.UserSettings;
import io.huddle.ui.DesktopAttention;
import io.huddle.ui.TrayIconHost;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The console on a desktop without a notification service (Windows, macOS): its notifications fall back to the
 * tray icon's messages, which are there by the time the notices look for a sink.
 */
class ConsoleTrayMessagesTest extends ConsoleUiTest {
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(NotificationSinkChoice.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    /** A tray whose icon shows messages once installed, as AWT's does. */
    static final class TrayWithMessages implements TrayIconHost {
        final RecordingMessages messages = new RecordingMessages(true);
        volatile boolean installed;

        @Override
        public boolean install(Menu menu) {
            installed = true;
            return true;
        }

        @Override
        public void update(int count, String tooltip, int chosen) {
        }

        @Override
        public void remove() {
            installed = false;
        }

        @Override
        public boolean showMessage(String title, String text, boolean urgent) {
            return installed && messages.showMessage(title, text, urgent);
        }

        @Override
        public boolean canShowMessages() {
            return installed;
        }

        @Override
        public void onClicked(Runnable listener) {
            messages.onClicked(listener);
        }
    }

    static final DesktopAttention NO_TASKBAR = new DesktopAttention() {
        @Override
        public void requestAttention() {
        }

        @Override
        public void showCount(int count) {
        }
    };

    @Test
    void withoutANotificationServiceTheNoticesUseTheTrayIcon() throws Exception {
        TrayWithMessages tray = new TrayWithMessages();
        var console = fx.openConsole("supervisor1", UserSettings.defaults(), // no notification service
                app -> app.desktop(NO_TASKBAR, tray));
        Fx.call(console.app()::close).get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS); // the notices' thread is done

        assertThat(tray.messages.clicks).as("the sink listens to the icon's clicks").hasSize(1);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("desktop notifications are shown as messages of Huddle's tray icon");
    }

    @Test
    void withoutATrayThereAreNoneAndTheLogSaysSoOnce() throws Exception {
        var console = fx.openConsole("supervisor1", UserSettings.defaults(), // no notification service
                app -> app.desktop(NO_TASKBAR, TrayIconHost.none()));
        Fx.call(console.app()::close).get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("no desktop notifications: no notification service and no system tray");
    }
}
