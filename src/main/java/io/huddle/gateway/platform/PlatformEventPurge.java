package io.huddle.gateway.platform;

import io.huddle.gateway.store.BatchedDelete;
import io.huddle.gateway.store.GatewayStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets platform event ids received more than {@link #KEEP} ago (run by the gateway's upkeep), so the
 * exactly-once memory does not grow without bound: a platform re-delivers an event within minutes or hours,
 * not weeks. Batches of one short statement each.
 */
public final class PlatformEventPurge {
    public static final Duration KEEP = Duration.ofDays(30);
    static final int BATCH = 5_000;
    static final int MAX_BATCHES_PER_RUN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(PlatformEventPurge.class);

    private final GatewayStore store;
    private final Clock clock;

    public PlatformEventPurge(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public int purgeNow() {
        Instant cutoff = clock.instant().minus(KEEP);
        int total = BatchedDelete.run(n -> store.deletePlatformEventsBefore(cutoff, n), BATCH,
                MAX_BATCHES_PER_RUN);
        if (total > 0) {
            LOG.info("Forgot {} platform event id(s) received before {}", total, cutoff);
        }
        return total;
    }
}
