package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.huddle.console.TrayNotificationSinkTest.RecordingMessages;
import io.huddle.console.dbus.DbusNotificationSink;
import io.huddle.ui.TrayIconHost;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Which sink the console's notifications use: the notification service on a real session bus (a private
 * dbus-daemon with a stand-in service) when there is one, else the tray icon's messages, else none.
 */
class NotificationSinkChoiceTest {
    static final String NO_BUS = "unix:path=/nonexistent/huddle-bus";
    @TempDir
    Path dir;
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

    @Test
    void theDesktopsNotificationServiceWhenThereIsOne() throws Exception {
        RecordingMessages tray = new RecordingMessages(true);
        try (NotificationBus bus = NotificationBus.start(dir)) {
            Optional<NotificationSink> sink = NotificationSinkChoice.choose(() -> DbusNotificationSink.at(bus.address()),
                    tray);
            assertThat(sink).containsInstanceOf(DbusNotificationSink.class);
            sink.get().close();
        }
        assertThat(tray.clicks).as("the tray was not asked").isEmpty();
        assertThat(log.list).isEmpty();
    }

    @Test
    void theTrayIconsMessagesWithoutAService() {
        RecordingMessages tray = new RecordingMessages(true);
        Optional<NotificationSink> sink = NotificationSinkChoice.choose(() -> DbusNotificationSink.at(NO_BUS), tray);

        assertThat(sink).containsInstanceOf(TrayNotificationSink.class);
        sink.get().show(0, new NotificationSink.Notice("Ana Agent: Policy question", "Chat with Maria Silva", false));
        assertThat(tray.shown).containsExactly("INFO Ana Agent: Policy question | Chat with Maria Silva");
        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("desktop notifications are shown as messages of Huddle's tray icon");
    }

    @Test
    void noneWithoutAServiceOrATrayLoggedOnce() {
        Optional<NotificationSink> sink = NotificationSinkChoice.choose(() -> DbusNotificationSink.at(NO_BUS),
                TrayIconHost.none());

        assertThat(sink).isEmpty();
        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(log.list.get(0).getFormattedMessage())
                .isEqualTo("no desktop notifications: no notification service and no system tray");
    }
}
