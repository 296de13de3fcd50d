package io.huddle.console;

import io.huddle.ui.DesktopMessages;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the console's desktop notifications go: the desktop's notification service (D-Bus on Linux), else the tray
 * icon's messages (Windows, macOS, a Linux desktop with a tray and no service), else nowhere. Said once in the
 * log when it is not the service.
 */
final class NotificationSinkChoice {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSinkChoice.class);

    private NotificationSinkChoice() {
    }

    /**
     * @param service connects to the desktop's notification service (it may block; it logs why there is none)
     * @param tray    the tray icon's messages, asked only when there is no service (the icon is in the tray by then)
     */
    static Optional<NotificationSink> choose(Supplier<Optional<NotificationSink>> service, DesktopMessages tray) {
        Optional<NotificationSink> found = service.get();
        if (found.isPresent()) {
            return found;
        }
        if (tray.canShowMessages()) {
            LOG.info("desktop notifications are shown as messages of Huddle's tray icon");
            return Optional.of(new TrayNotificationSink(tray));
        }
        LOG.info("no desktop notifications: no notification service and no system tray");
        return Optional.empty();
    }
}
