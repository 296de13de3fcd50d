package io.huddle.gateway.stream;

import io.huddle.domain.Presence;
import io.huddle.domain.User;
import io.huddle.gateway.store.FloorLog;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is on shift on the other gateways of the same database (docs/deployment.md, "Instances"): every
 * {@link #EVERY} this instance reports its own supervisors' presence and reads the others' reports, on a thread of
 * its own (a database that does not answer holds up nothing else), owned here and stopped by {@link #close()}. A
 * read older than {@link #FRESH} no longer counts.
 */
final class PresenceSharing implements AutoCloseable {
    /** How often this instance reports and reads. */
    static final Duration EVERY = Duration.ofSeconds(2);
    /** A report, or a read of them, older than this no longer counts: its instance stopped renewing it. */
    static final Duration FRESH = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PresenceSharing.class);

    private final FloorLog log;
    private final Supplier<Collection<User>> supervisorsHere;
    private final Function<String, Presence> presenceHere;
    private final ScheduledExecutorService thread;
    /** Each supervisor's best presence on the other instances, as last read. */
    private volatile Map<String, Presence> elsewhere = Map.of();
    /** When {@link #elsewhere} was read (nanoTime). */
    private volatile long readAt;

    /**
     * @param supervisorsHere the users with a stream on this instance (supervisors or not)
     * @param presenceHere    a user's presence on this instance
     */
    PresenceSharing(FloorLog log, Supplier<Collection<User>> supervisorsHere, Function<String, Presence> presenceHere) {
        this.log = log;
        this.supervisorsHere = supervisorsHere;
        this.presenceHere = presenceHere;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huddle-presence-sharing");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::share, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The user's best presence on the other instances; offline when none reported one, or the read is old. */
    Presence elsewhere(String userId) {
        if (System.nanoTime() - readAt >= FRESH.toNanos()) {
            return Presence.OFFLINE;
        }
        return elsewhere.getOrDefault(userId, Presence.OFFLINE);
    }

    /** Reports this instance's supervisors and reads the other instances' reports. */
    private void share() {
        try {
            Map<String, String> mine = new HashMap<>();
            for (User u : supervisorsHere.get()) {
                if (u.isSupervisor()) {
                    Presence p = presenceHere.apply(u.id());
                    if (p != Presence.OFFLINE) {
                        mine.put(u.id(), p.wireName());
                    }
                }
            }
            log.reportPresence(mine);
            Map<String, Presence> best = new HashMap<>();
            log.presence(FRESH).forEach((user, reported) -> {
                for (String wire : reported) {
                    Presence p = Presence.valueOf(wire.toUpperCase(Locale.ROOT));
                    best.merge(user, p, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                }
            });
            elsewhere = Map.copyOf(best);
            readAt = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.warn("sharing who is on shift with the other gateways failed; trying again: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
