package io.huddle.gateway.floor;

import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.User;
import io.huddle.gateway.store.GatewayStore;

/**
 * Finds an interaction or a help request on a tenant's floor (or, once it is over, in the store) as a user
 * may see it: what they may not see is "not found", never "forbidden". The tenant's lock is held.
 */
final class FloorLookup {
    private FloorLookup() {
    }

    static Interaction interaction(GatewayStore store, TenantFloor f, User user, String id) {
        Interaction i = f.live.get(id);
        if (i == null) {
            i = store.findInteraction(id).orElseThrow(() -> DomainException.notFound("interaction", id));
        }
        if (!Visibility.canSee(user, i, f.openRequestOn(i.id()))) {
            throw DomainException.notFound("interaction", id);
        }
        return i;
    }

    static HelpRequest request(GatewayStore store, TenantFloor f, User user, String id) {
        HelpRequest r = f.openRequests.get(id);
        if (r == null) {
            r = store.findHelpRequest(id).orElseThrow(() -> DomainException.notFound("help request", id));
        }
        if (!Visibility.canSee(user, r)) {
            throw DomainException.notFound("help request", id);
        }
        return r;
    }

    /** A live interaction, whoever asks (the platform's side). */
    static Interaction live(TenantFloor f, String id) {
        Interaction i = f.live.get(id);
        if (i == null) {
            throw DomainException.notFound("live interaction", id);
        }
        return i;
    }
}
