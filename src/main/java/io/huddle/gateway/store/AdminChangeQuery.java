package io.huddle.gateway.store;

import java.time.Instant;

/**
 * Search over a tenant's audit of administration. The tenant is always set by the caller from the signed-in
 * admin; the rest is optional (null). {@code from} is inclusive and {@code to} exclusive. Oldest first.
 */
public record AdminChangeQuery(String tenant, String actorId, String action, String targetId, Instant from,
                               Instant to, int limit, String cursor) {
}
