package io.huddle.gateway.floor;

import io.huddle.domain.Interaction;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.TranscriptLine;
import io.huddle.gateway.store.GatewayStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tenant's live floor, each behind its own lock, and the listeners its changes are published to. A
 * change runs in {@link #locked}: it is written to the store first, then applied in memory, then published,
 * all with the tenant's lock held, so every listener sees the changes in the order they happened. Built from
 * what survived a restart by {@link FloorRestore}.
 */
public final class Floors {
    private static final Logger LOG = LoggerFactory.getLogger(Floors.class);

    private final GatewayStore store;
    private final Clock clock;
    private final ConcurrentMap<String, TenantFloor> tenants = new ConcurrentHashMap<>();
    private final List<FloorListener> listeners = new CopyOnWriteArrayList<>();
    /** The floor log shared with the other instances on this database; null when this gateway is the only one. */
    private final FloorLogSync log;

    Floors(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.log = store.floorLog().map(l -> new FloorLogSync(l, this)).orElse(null);
    }

    /** The floor log shared with other instances, or empty when this gateway is the only one on its store. */
    public java.util.Optional<io.huddle.gateway.store.FloorLog> sharedLog() {
        return java.util.Optional.ofNullable(log).map(FloorLogSync::log);
    }

    /** The floor log's side of this floor, or null when this gateway is the only one on its store. */
    FloorLogSync log() {
        return log;
    }

    public void addListener(FloorListener listener) {
        listeners.add(listener);
    }

    /** The floor's time: the clock's, to the millisecond (what the store keeps). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Runs {@code work} on the tenant's floor with its lock held; a tenant not seen before gets its floor. */
    <T> T locked(String tenant, Function<TenantFloor, T> work) {
        TenantFloor f = tenant(tenant);
        f.lock.lock();
        try {
            return work.apply(f);
        } finally {
            f.lock.unlock();
        }
    }

    /**
     * Runs a change of the tenant's floor with its lock held. With a floor log (several instances on one
     * database), the change also holds the tenant in the log for its length: the floor first takes what the other
     * instances changed, then {@code work} runs, and its store writes and its entry in the log commit together;
     * its events reach the listeners once it has committed.
     */
    <T> T changing(String tenant, Function<TenantFloor, T> work) {
        if (log == null) {
            return locked(tenant, work);
        }
        TenantFloor f = tenant(tenant);
        f.lock.lock();
        try {
            return log.change(f, work);
        } finally {
            f.lock.unlock();
        }
    }

    /** Adds a tenant's floor with these settings (saved first), unless the tenant has one. */
    void ensureTenant(TenantSettings settings) {
        if (!tenants.containsKey(settings.tenant())) { // saved outside the map, as in tenant()
            store.saveTenantSettings(settings);
            tenants.putIfAbsent(settings.tenant(), new TenantFloor(settings));
        }
    }

    /**
     * Tells every listener; one that fails is logged and the others still hear of it. Lock held. In a change that
     * is being recorded for the floor log, the event waits for the change to commit.
     */
    void publish(FloorEvent event) {
        TenantFloor f = tenants.get(event.tenant());
        if (f != null && f.recording()) {
            f.record(new FloorOp.Publish(event));
            return;
        }
        tell(event);
    }

    /** Tells every listener now. Lock held. */
    void tell(FloorEvent event) {
        TenantFloor f = tenants.get(event.tenant());
        if (f != null) {
            f.told++;
        }
        for (FloorListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("floor listener {} failed on {}", l, event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Adds a line to the interaction's transcript and publishes it. Lock held. */
    TranscriptLine appendLine(TenantFloor f, Interaction i, TranscriptLine.Speaker from, String author, String text,
                              TranscriptLine.Audience audience) {
        TranscriptLine line = new TranscriptLine(Ids.next("line"), i.id(), now(), from, author, text, audience);
        f.appendTranscript(line);
        publish(new FloorEvent.TranscriptAppended(f.tenant, i, line));
        return line;
    }

    GatewayStore store() {
        return store;
    }

    /**
     * The tenant's floor, made with its stored settings (or the defaults) when it has none yet; with a floor log, a
     * floor this instance has not seen yet is loaded as the database has it.
     */
    TenantFloor tenant(String tenant) {
        TenantFloor f = tenants.get(tenant);
        if (f != null) {
            return f;
        }
        // read outside the map: computeIfAbsent would hold a bin of it (other tenants) for the database's reads.
        // Two threads may both read; the first floor in is the one, and a floor read a moment earlier is still
        // consistent with its log position, which the next change or the follower brings up to date.
        TenantFloor made = new TenantFloor(store.tenantSettings(tenant)
                .orElseGet(() -> TenantSettings.defaults(tenant)));
        if (log != null) {
            log.load(made);
        }
        TenantFloor first = tenants.putIfAbsent(tenant, made);
        return first != null ? first : made;
    }

    /**
     * Where the floor of the tenant is in its floor log, "{entry}.{events told of it}": during a listener's call,
     * the position of the event it is told. Null without a floor log. Lock held.
     */
    public String positionNow(String tenant) {
        if (log == null) {
            return null;
        }
        TenantFloor f = tenants.get(tenant);
        return f == null ? null : f.position + "." + f.told;
    }

    /**
     * For a stream that moves to this instance: with the tenant's lock held, gives {@code then} every event after
     * {@code position} ("{entry}.{index}") up to where this floor is, so that nothing published meanwhile is missed
     * or repeated. Empty when there is no floor log, the position cannot be read, or the log no longer has them.
     */
    public <T> java.util.Optional<T> afterPosition(String tenant, String position,
                                                   Function<List<LoggedEvent>, T> then) {
        if (log == null || position == null) {
            return java.util.Optional.empty();
        }
        int dot = position.indexOf('.');
        long entry;
        int index;
        try {
            entry = Long.parseLong(position.substring(0, Math.max(dot, 0)));
            index = Integer.parseInt(position.substring(dot + 1));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        return locked(tenant, f -> {
            List<LoggedEvent> events = log.eventsAfter(f, entry, index);
            return events == null ? java.util.Optional.<T>empty() : java.util.Optional.ofNullable(then.apply(events));
        });
    }

    /** Whether the tenant has a floor here already. */
    boolean has(String tenant) {
        return tenants.containsKey(tenant);
    }

    /** Adds the floor of a tenant whose settings are stored already (the restore). */
    void addStored(TenantSettings settings) {
        tenants.putIfAbsent(settings.tenant(), new TenantFloor(settings));
    }

    /** Every tenant's floor, for the restore to count what it loaded. */
    List<TenantFloor> all() {
        return List.copyOf(tenants.values());
    }
}
