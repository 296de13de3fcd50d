package io.huddle.gateway.floor;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TenantSettings;
import io.huddle.gateway.store.GatewayStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the floors from what survived a restart: the tenants, their live interactions and open help
 * requests. Supervisor legs do not survive: their media is gone, so they are dropped and their actions end. A
 * gateway that shares its database with others (a floor log) takes the floor as it is, legs and all.
 */
public final class FloorRestore {
    private static final Logger LOG = LoggerFactory.getLogger(FloorRestore.class);

    private final GatewayStore store;
    private final Clock clock;

    public FloorRestore(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The floors as the store has them; run once, before anything reads or changes them. */
    public Floors restore() {
        Floors floors = new Floors(store, clock);
        if (floors.log() != null) {
            // one of several instances: the others' supervisor legs are live, so nothing ends; each tenant's floor
            // is read as the database has it at its floor log's head
            for (TenantSettings s : store.tenants()) {
                floors.addStored(s);
            }
            floors.log().loadAll(floors.all());
            LOG.info("floor loaded from the shared database: {} tenants, {} live interactions", floors.all().size(),
                    floors.all().stream().mapToInt(t -> t.live.size()).sum());
            return floors;
        }
        for (TenantSettings s : store.tenants()) {
            floors.addStored(s);
        }
        Instant now = floors.now();
        for (Interaction i : store.liveInteractions()) {
            TenantFloor f = floors.tenant(i.tenant());
            Interaction restored = i.withoutSupervisorLegs();
            if (!restored.equals(i)) {
                store.saveInteraction(restored);
            }
            f.putInteraction(restored);
        }
        for (SupervisorAction a : store.openActions()) {
            store.saveAction(a.end(now));
        }
        for (HelpRequest r : store.openHelpRequests()) {
            floors.tenant(r.tenant()).putRequest(r);
        }
        LOG.info("floor restored: {} tenants, {} live interactions", floors.all().size(),
                floors.all().stream().mapToInt(t -> t.live.size()).sum());
        return floors;
    }
}
