package io.huddle.gateway.auth;

import io.huddle.gateway.store.BatchedDelete;
import io.huddle.gateway.store.GatewayStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes sign-in sessions that expired more than {@link #GRACE} ago (run by the gateway's upkeep). Each
 * batch is one short statement, so sign-ins waiting for the store are held back by one batch at most; a
 * session still valid is never touched (its expiry is after now, the cutoff before it).
 */
public final class SessionPurge {
    /** An expired token answers 401 either way; the grace only keeps a freshly expired row for a while. */
    public static final Duration GRACE = Duration.ofHours(1);
    static final int BATCH = 1_000;
    /** Up to 100,000 rows a run; a larger backlog (an old database) is finished by the next runs. */
    static final int MAX_BATCHES_PER_RUN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SessionPurge.class);

    private final GatewayStore store;
    private final Clock clock;

    public SessionPurge(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Deletes the sessions that expired before now less the grace, batch by batch; answers how many. */
    public int purgeNow() {
        Instant cutoff = clock.instant().minus(GRACE);
        int total = BatchedDelete.run(n -> store.deleteSessionsExpiredBefore(cutoff, n), BATCH,
                MAX_BATCHES_PER_RUN);
        if (total > 0) {
            LOG.info("Purged {} sign-in session(s) that expired before {}", total, cutoff);
        }
        return total;
    }
}
