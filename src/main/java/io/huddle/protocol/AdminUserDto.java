package io.huddle.protocol;

import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.List;

/**
 * A user as administration shows them (docs/identity.md): who manages them ({@code source}: local, oidc or
 * scim) and whether they have a password, never the password itself.
 */
public record AdminUserDto(String id, String username, String displayName, String domain, List<String> roles,
                           String platformUserId, boolean active, String source, boolean hasPassword) {

    public static AdminUserDto of(User u, String source, boolean hasPassword) {
        return new AdminUserDto(u.id(), u.username(), u.displayName(), u.domain(),
                u.roles().stream().map(Role::wireName).sorted().toList(), u.platformUserId(), u.active(), source,
                hasPassword);
    }
}
