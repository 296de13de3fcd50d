package io.huddle.console;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar's account of the connection: connected, reconnecting (with a countdown), offline. */
public final class ConnectionViewModel {

    /** What the status bar shows. */
    public enum Shown { CONNECTING, CONNECTED, RECONNECTING, OFFLINE }

    private final String server;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(Shown.CONNECTING);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    private Instant nextAttemptAt;
    private int attempt;
    private String detail;

    public ConnectionViewModel(String server) {
        this.server = server;
    }

    /**
     * The client's latest status.
     *
     * @param state         CONNECTING, CONNECTED, RECONNECTING, SIGNED_OUT, FAILED or CLOSED
     * @param nextAttemptAt when reconnecting: the next try
     */
    public void update(String state, Instant nextAttemptAt, int attempt, String detail, Instant now) {
        this.nextAttemptAt = nextAttemptAt;
        this.attempt = attempt;
        this.detail = detail;
        switch (state) {
            case "CONNECTED" -> shown.set(Shown.CONNECTED);
            case "CONNECTING" -> shown.set(Shown.CONNECTING);
            case "RECONNECTING", "OFFLINE" -> shown.set(Shown.RECONNECTING);
            default -> shown.set(Shown.OFFLINE);
        }
        online.set(shown.get() == Shown.CONNECTED);
        tick(now);
    }

    /** Refreshes the countdown; the view calls it once a second. */
    public void tick(Instant now) {
        text.set(switch (shown.get()) {
            case CONNECTED -> "Connected to " + server;
            // a first connection that failed waits for its next attempt like a reconnection: say why and when
            case CONNECTING -> nextAttemptAt == null ? "Connecting to " + server + "…"
                    : retrying("Connecting", "cannot connect", now);
            case RECONNECTING -> retrying("Reconnecting", "connection lost", now);
            case OFFLINE -> "Offline: " + (detail == null ? "the connection was closed" : detail)
                    + ". Controls are off.";
        });
    }

    private String retrying(String verb, String unknownWhy, Instant now) {
        String why = detail == null ? unknownWhy : detail;
        if (nextAttemptAt == null) {
            return verb + " to " + server + " (" + why + ")… Controls are off.";
        }
        long s = Math.max(0, Duration.between(now, nextAttemptAt).toMillis() + 999) / 1000;
        return verb + " to " + server + " in " + s + " s (attempt " + attempt + ", " + why
                + "). Controls are off until then.";
    }

    public ReadOnlyObjectProperty<Shown> shown() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty online() {
        return online.getReadOnlyProperty();
    }
}
