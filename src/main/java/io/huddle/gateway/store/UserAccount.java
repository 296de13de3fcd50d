package io.huddle.gateway.store;

import io.huddle.domain.User;
import java.util.Objects;

/**
 * A user as administration sees them: the user, who manages them ({@code source}: {@code local} for an
 * administrator, {@code oidc} for a first single sign-on, {@code scim} for the identity provider) and whether
 * they have a password kept by Huddle. The password hash itself never leaves the store this way.
 */
public record UserAccount(User user, String source, boolean hasPassword) {
    public static final String LOCAL = "local";

    public UserAccount {
        Objects.requireNonNull(user, "user");
        source = source == null ? LOCAL : source;
    }
}
