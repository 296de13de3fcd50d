package io.huddle.protocol;

import io.huddle.domain.AdminChange;
import java.time.Instant;

/** One change in the audit of administration, as the wire shows it (docs/identity.md). */
public record AdminChangeDto(String id, Instant at, String actorId, String actorName, String action,
                             String targetType, String targetId, String detail) {

    public static AdminChangeDto of(AdminChange c) {
        return new AdminChangeDto(c.id(), c.at(), c.actorId(), c.actorName(), c.action(), c.targetType(),
                c.targetId(), c.detail());
    }
}
