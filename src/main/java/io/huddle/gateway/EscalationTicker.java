package io.huddle.gateway;

import io.huddle.gateway.floor.EscalationLadder;
import java.time.Duration;

/**
 * Runs the help requests' escalation ladder every {@link #INTERVAL} on one thread that it owns and
 * {@link #close() shuts down}. A tick that fails is logged and the next one runs all the same.
 */
final class EscalationTicker implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Periodic ticks;

    EscalationTicker(EscalationLadder ladder) {
        this.ticks = new Periodic("huddle-escalation", INTERVAL, INTERVAL, ladder::tick);
    }

    void start() {
        ticks.start();
    }

    /** Stops the ticks and waits for a running one, so the store can be closed after it. */
    @Override
    public void close() {
        ticks.close();
    }
}
