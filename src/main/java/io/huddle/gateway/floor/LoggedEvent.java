package io.huddle.gateway.floor;

/** A floor event as the floor log has it, with its position ("{entry}.{index}") there. */
public record LoggedEvent(FloorEvent event, String position) {
}
