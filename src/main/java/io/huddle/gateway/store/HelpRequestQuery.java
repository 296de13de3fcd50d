package io.huddle.gateway.store;

import io.huddle.domain.HelpRequestStatus;
import java.time.Instant;

/**
 * Help-request history filter. Tenant and domain are always set by the caller from the signed-in user;
 * every other field is optional (null). Ordered oldest first by createdAt, then id.
 */
public record HelpRequestQuery(String tenant, String domain, HelpRequestStatus status, String agentId,
                               String helpProvidedBy, Instant from, Instant to, int limit, String cursor) {
}
