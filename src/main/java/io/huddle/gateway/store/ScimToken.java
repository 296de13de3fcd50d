package io.huddle.gateway.store;

import java.time.Instant;

/**
 * A tenant's SCIM bearer token as the store keeps it: never the token itself, only its digest (kept apart). The
 * identity provider names itself by it; {@code createdBy} is the administrator's user id.
 */
public record ScimToken(String id, String tenant, String name, Instant createdAt, String createdBy,
                        Instant lastUsedAt) {
}
