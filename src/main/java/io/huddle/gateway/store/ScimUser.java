package io.huddle.gateway.store;

import io.huddle.domain.User;

/**
 * A user as SCIM sees it: the user, the provider's own id for them ({@code externalId}, or null), and whether
 * SCIM manages their roles and domain ({@code managed}: made through SCIM, so their groups place them).
 */
public record ScimUser(User user, String externalId, boolean managed) {
}
