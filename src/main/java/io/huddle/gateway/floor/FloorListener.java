package io.huddle.gateway.floor;

/**
 * Receives floor events. Called with the tenant's lock held: implementations must not block and must not
 * call back into the floor.
 */
@FunctionalInterface
public interface FloorListener {
    void onEvent(FloorEvent event);
}
