package io.huddle.gateway.floor;

import io.huddle.domain.Presence;

/**
 * Who is on shift now: a supervisor with an open console stream is available unless they chose busy or away;
 * with none, offline. The stream knows (StreamHub); the floor only asks, with the tenant's lock held, so an
 * answer must not block or call back into the floor.
 */
@FunctionalInterface
public interface SupervisorPresence {
    Presence of(String userId);

    /** Nobody is on shift: what a gateway without streams (and a test) answers. */
    static SupervisorPresence nobody() {
        return id -> Presence.OFFLINE;
    }
}
