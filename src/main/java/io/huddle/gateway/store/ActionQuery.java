package io.huddle.gateway.store;

import io.huddle.domain.ActionType;
import java.time.Instant;

/**
 * Audit search over supervisor actions. Tenant and domain are always set by the caller from the signed-in
 * user; the rest is optional (null). {@code from} is inclusive and {@code to} exclusive on startedAt.
 * Ordered oldest first by startedAt, then id.
 */
public record ActionQuery(String tenant, String domain, String supervisorId, String agentId, String interactionId,
                          String helpRequestId, ActionType action, Instant from, Instant to, int limit,
                          String cursor) {
}
