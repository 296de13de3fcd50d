package io.huddle.gateway;

import io.huddle.gateway.floor.EscalationLadder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the help requests' escalation ladder every {@link #INTERVAL} on one thread that it owns and
 * {@link #close() shuts down}. A tick that fails is logged and the next one runs all the same.
 */
final class EscalationTicker implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(EscalationTicker.class);

    private final EscalationLadder ladder;
    private ScheduledExecutorService scheduler; // guarded by this; null until started

    EscalationTicker(EscalationLadder ladder) {
        this.ladder = ladder;
    }

    synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the escalation ticker has already been started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huddle-escalation");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            ladder.tick();
        } catch (RuntimeException e) { // thrown out of a scheduled task, it would cancel every later tick
            LOG.error("the escalation ladder's tick failed; it runs again in {} s", INTERVAL.toSeconds(), e);
        }
    }

    /** Stops the ticks and waits for a running one, so the store can be closed after it. */
    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the escalation ticker did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
