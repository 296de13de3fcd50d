package io.huddle.gateway.sso;

import io.huddle.gateway.store.BatchedDelete;
import io.huddle.gateway.store.GatewayStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes single sign-on attempts that expired unfinished (run by the gateway's upkeep), batch by batch. */
public final class SsoAttemptPurge {
    static final int BATCH = 1_000;
    static final int MAX_BATCHES_PER_RUN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SsoAttemptPurge.class);

    private final GatewayStore store;
    private final Clock clock;

    public SsoAttemptPurge(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** An expired attempt is refused either way; this only keeps the table small. Answers how many it deleted. */
    public int purgeNow() {
        Instant cutoff = clock.instant();
        int total = BatchedDelete.run(n -> store.deleteSsoAttemptsExpiredBefore(cutoff, n), BATCH,
                MAX_BATCHES_PER_RUN);
        if (total > 0) {
            LOG.info("Purged {} single sign-on attempt(s) that expired before {}", total, cutoff);
        }
        return total;
    }
}
