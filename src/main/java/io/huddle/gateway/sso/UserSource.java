package io.huddle.gateway.sso;

import io.huddle.gateway.store.UserAccount;
import java.util.Optional;

/**
 * Whose word sets a user's roles and domain: the identity provider's groups for a user that single sign-on
 * created, the administrator's for anyone else (docs/identity.md, "Group mapping"). A user SCIM manages takes
 * their roles from SCIM's group membership, not from the ID token. Decided here alone, from the user's source.
 */
final class UserSource {
    /** The source a user created at their first single sign-on has (docs/identity.md). */
    static final String CREATED_AT_SIGN_IN = "oidc";

    private UserSource() {
    }

    static boolean groupsDecideRoles(Optional<UserAccount> account) {
        return account.map(a -> CREATED_AT_SIGN_IN.equals(a.source())).orElse(false);
    }
}
