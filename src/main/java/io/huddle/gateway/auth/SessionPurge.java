package io.huddle.gateway.auth;

import io.huddle.gateway.store.GatewayStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes sign-in sessions that expired more than {@link #GRACE} ago, every {@link #INTERVAL}, on one thread
 * that it owns and {@link #close() shuts down}. Each batch is one short statement, so sign-ins waiting for the
 * store are held back by one batch at most; a session still valid is never touched (its expiry is after now,
 * the cutoff before it).
 */
public final class SessionPurge implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofMinutes(10);
    /** An expired token answers 401 either way; the grace only keeps a freshly expired row for a while. */
    public static final Duration GRACE = Duration.ofHours(1);
    static final int BATCH = 1_000;
    /** Up to 100,000 rows a run; a larger backlog (an old database) is finished by the next runs. */
    static final int MAX_BATCHES_PER_RUN = 100;
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SessionPurge.class);

    private final GatewayStore store;
    private final Clock clock;
    private ScheduledExecutorService scheduler; // guarded by this; null until started

    public SessionPurge(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Schedules the purge: the first run a minute from now, then every {@link #INTERVAL}. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the session purge has already been started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huddle-session-purge");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::run, FIRST_RUN.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes the sessions that expired before now less the grace, batch by batch; answers how many. */
    public int purgeNow() {
        Instant cutoff = clock.instant().minus(GRACE);
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = store.deleteSessionsExpiredBefore(cutoff, BATCH);
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.info("Purged {} sign-in session(s) that expired before {}", total, cutoff);
        }
        return total;
    }

    private void run() {
        try {
            purgeNow();
        } catch (RuntimeException e) { // thrown out of a scheduled task, it would cancel every later run
            LOG.warn("Purging expired sign-in sessions failed; trying again in {} min", INTERVAL.toMinutes(), e);
        }
    }

    /** Stops the schedule and waits for a running purge to finish, so the store can be closed after it. */
    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the session purge did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean isStopped() {
        return scheduler == null || scheduler.isTerminated();
    }
}
