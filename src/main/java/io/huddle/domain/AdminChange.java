package io.huddle.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of administration, as the audit of administration keeps it: who ({@code actorId} and
 * {@code actorName}: a user, a SCIM token's name, or {@code cli} for the command line on the gateway's machine),
 * what ({@code action}, such as {@code user.create}, on {@code targetType}/{@code targetId}, with a short
 * {@code detail} that never holds a password or a token) and when.
 */
public record AdminChange(String id, String tenant, Instant at, String actorId, String actorName, String action,
                          String targetType, String targetId, String detail) {
    public AdminChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }
}
