package io.huddle.gateway.store;

import java.time.Instant;

/**
 * Search over the journal entries devices uploaded, scoped to a tenant and domain like the audit search.
 * {@code from} is inclusive and {@code to} exclusive on the entry's client time; oldest first by client
 * time, then id. Null filters are no filter.
 */
public record JournalQuery(String tenant, String domain, String supervisorId, String agentId, String interactionId,
                           String helpRequestId, String action, String deviceId, Instant from, Instant to, int limit,
                           String cursor) {
}
