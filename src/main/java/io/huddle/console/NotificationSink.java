package io.huddle.console;

import java.util.function.LongConsumer;

/**
 * Where the console's desktop notifications go: the desktop's own notification service (the freedesktop
 * service over D-Bus on Linux) or the system tray's messages elsewhere. Calls come from one thread, never
 * the FX thread; a sink may block on them.
 */
public interface NotificationSink extends AutoCloseable {

    /** What one bubble says. */
    record Notice(String summary, String body, boolean critical) {
    }

    /**
     * Shows the notice, in place of the one shown as {@code replaces} when that is not 0 (a sink that
     * cannot replace shows a new one).
     *
     * @return the id of the bubble now showing, or 0 when the sink cannot name it
     */
    long show(long replaces, Notice notice);

    /**
     * Shows the notice in place of bubble {@code id} after a request left it, so it says less than before. A sink
     * that cannot replace a bubble leaves the one shown rather than announce old news again.
     *
     * @return the id of the bubble now showing
     */
    default long update(long id, Notice notice) {
        return show(id, notice);
    }

    /** Takes the bubble away (a sink that cannot, leaves it). */
    void close(long id);

    /** Called, on a thread of the sink's, when a bubble was activated (clicked, or its default action). */
    void onActivated(LongConsumer listener);

    /** Called, on a thread of the sink's, when the desktop closed a bubble (expired or dismissed). */
    void onClosed(LongConsumer listener);

    /** Lets go of the desktop's service; no more calls after it. */
    @Override
    void close();
}
