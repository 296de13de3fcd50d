package io.huddle.console;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's account of the action journal's upload: nothing while every entry is acknowledged;
 * otherwise how many entries wait and why (offline, refused), so the supervisor sees that the record is
 * kept on this device until the gateway has it.
 */
public final class JournalViewModel {

    /** The sync's states, as JournalSync names them. */
    public enum Shown { SYNCED, SYNCING, OFFLINE, REFUSED }

    private final ReadOnlyLongWrapper waiting = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Shown shown = Shown.SYNCED;
    private String detail;
    private Instant nextAttemptAt;

    /** The sync's latest status; on the UI thread. */
    public void update(Shown state, long entriesWaiting, String why, Instant next, Instant now) {
        shown = state;
        waiting.set(entriesWaiting);
        detail = why;
        nextAttemptAt = next;
        tick(now);
    }

    /** Refreshes the retry countdown; the view calls it once a second. */
    public void tick(Instant now) {
        long n = waiting.get();
        if (n == 0) {
            text.set(shown == Shown.REFUSED ? "Journal: " + detail : "");
            return;
        }
        String entries = n == 1 ? "1 journal entry" : n + " journal entries";
        text.set(switch (shown) {
            case SYNCED, SYNCING -> entries + " uploading…";
            case OFFLINE -> entries + " kept on this device until the gateway is back" + retry(now);
            case REFUSED -> entries + " not accepted by the gateway: " + detail + retry(now);
        });
    }

    private String retry(Instant now) {
        if (nextAttemptAt == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(now, nextAttemptAt).toMillis() + 999) / 1000;
        return " (next try in " + s + " s)";
    }

    public ReadOnlyLongProperty waiting() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }
}
