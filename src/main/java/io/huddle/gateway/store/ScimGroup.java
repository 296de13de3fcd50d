package io.huddle.gateway.store;

import java.time.Instant;
import java.util.List;

/** A group the identity provider pushed, with its members' user ids (in id order). */
public record ScimGroup(String id, String tenant, String displayName, String externalId, Instant createdAt,
                        Instant updatedAt, List<String> memberIds) {
    public ScimGroup {
        memberIds = List.copyOf(memberIds);
    }
}
