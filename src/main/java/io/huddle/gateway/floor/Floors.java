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

    Floors(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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

    /** Adds a tenant's floor with these settings (saved first), unless the tenant has one. */
    void ensureTenant(TenantSettings settings) {
        tenants.computeIfAbsent(settings.tenant(), t -> {
            store.saveTenantSettings(settings);
            return new TenantFloor(settings);
        });
    }

    /** Tells every listener; one that fails is logged and the others still hear of it. Lock held. */
    void publish(FloorEvent event) {
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

    /** The tenant's floor, made with its stored settings (or the defaults) when it has none yet. */
    TenantFloor tenant(String tenant) {
        TenantFloor f = tenants.get(tenant);
        if (f == null) {
            f = tenants.computeIfAbsent(tenant, t -> new TenantFloor(
                    store.tenantSettings(t).orElseGet(() -> TenantSettings.defaults(t))));
        }
        return f;
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
