package io.huddle.console;

import io.huddle.ui.DesktopMessages;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Desktop notifications as the tray icon's messages (AWT's {@code TrayIcon.displayMessage}: a toast on Windows, a
 * notification on macOS), where the desktop has no notification service on D-Bus. AWT can neither replace a
 * message nor take one away, and never says that one went: so news that joins the bubble ("2 new help
 * requests") is a new message, a request that leaves it shows nothing, and {@link #close(long)} only stops a
 * later click from selecting its request. A click on the icon or on its message, where the desktop reports one
 * (Windows), activates the last message while it stands, as the D-Bus service's default action does.
 */
public final class TrayNotificationSink implements NotificationSink {
    private final DesktopMessages messages;
    private final List<LongConsumer> activated = new CopyOnWriteArrayList<>();
    private long shown; // the calls' thread: the last message's number
    private volatile long standing; // the message a click activates; 0 when none
    private volatile boolean closed;

    public TrayNotificationSink(DesktopMessages messages) {
        this.messages = messages;
        messages.onClicked(this::clicked);
    }

    @Override
    public long show(long replaces, Notice notice) {
        if (!messages.showMessage(notice.summary(), notice.body(), notice.critical())) {
            standing = 0; // the icon left the tray (the console is closing): nothing shows
            return 0;
        }
        standing = ++shown;
        return standing;
    }

    /** A message shown stays as it is: showing what is left as a new one would repeat old news. */
    @Override
    public long update(long id, Notice notice) {
        return id;
    }

    /** AWT cannot take a message away: it stays until the desktop hides it, and a click on it selects nothing. */
    @Override
    public void close(long id) {
        if (standing == id) {
            standing = 0;
        }
    }

    /** Never called: AWT does not say when the desktop hid a message. */
    @Override
    public void onClosed(LongConsumer listener) {
    }

    @Override
    public void onActivated(LongConsumer listener) {
        activated.add(listener);
    }

    private void clicked() {
        long id = standing;
        if (id != 0 && !closed) {
            activated.forEach(l -> l.accept(id));
        }
    }

    /** The tray icon is the console's to remove; this only stops passing its clicks on. */
    @Override
    public void close() {
        closed = true;
        activated.clear();
    }
}
