package io.huddle.gateway.scim;

import io.huddle.domain.AdminChange;
import io.huddle.gateway.store.ScimToken;
import java.time.Clock;
import java.util.UUID;

/** Changes of administration made through SCIM: the token is the actor ({@code scim:<token id>}, its name). */
final class ScimAudit {
    private final Clock clock;

    ScimAudit(Clock clock) {
        this.clock = clock;
    }

    AdminChange change(ScimToken token, String action, String targetType, String targetId, String detail) {
        return new AdminChange(UUID.randomUUID().toString(), token.tenant(), clock.instant(), "scim:" + token.id(),
                token.name(), action, targetType, targetId, detail);
    }

    java.time.Instant now() {
        return clock.instant();
    }
}
