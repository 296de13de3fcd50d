package io.huddle.gateway.sso;

import io.huddle.domain.User;
import io.huddle.gateway.store.UserLink;
import java.util.Optional;

/**
 * Whose word sets a user's roles and domain: the identity provider's groups for a user that single sign-on
 * (or SCIM) created, the administrator's for anyone else (docs/identity.md, "Group mapping"). Decided here
 * alone; today from the link of the user's first single sign-on, which made them.
 */
final class UserSource {
    /** The source a user created at their first single sign-on has (docs/identity.md). */
    static final String CREATED_AT_SIGN_IN = "oidc";

    private UserSource() {
    }

    static boolean groupsDecideRoles(User user, Optional<UserLink> link) {
        return link.map(UserLink::createdAtSignIn).orElse(false);
    }
}
