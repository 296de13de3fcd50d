package io.huddle.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's housekeeping: purges that keep the store from growing without bound (expired sign-in
 * sessions, old platform event ids), run one after the other every {@link #INTERVAL} on one thread that it
 * owns and {@link #close() shuts down}. A purge that fails is logged and tried again next time; it never
 * stops the others.
 */
final class Upkeep implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(Upkeep.class);

    private final Map<String, IntSupplier> purges;
    private final Periodic schedule;

    /** @param purges what each purge removes, and the purge (answering how many rows it removed) */
    Upkeep(Map<String, IntSupplier> purges) {
        this.purges = new LinkedHashMap<>(purges);
        this.schedule = new Periodic("huddle-upkeep", FIRST_RUN, INTERVAL, this::runNow);
    }

    /** Schedules the purges: the first run a minute from now, then every {@link #INTERVAL}. */
    void start() {
        schedule.start();
    }

    void runNow() {
        purges.forEach((what, purge) -> {
            try {
                purge.getAsInt();
            } catch (RuntimeException e) { // one purge failing never stops the others
                LOG.warn("Purging {} failed; trying again in {} min", what, INTERVAL.toMinutes(), e);
            }
        });
    }

    /** Stops the schedule and waits for a running purge to finish, so the store can be closed after it. */
    @Override
    public void close() {
        schedule.close();
    }

    boolean isStopped() {
        return schedule.isStopped();
    }
}
