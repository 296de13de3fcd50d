package io.huddle.protocol;

import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.List;

/** A signed-in user as the wire shows it; {@code platformUserId} is their id on the contact-center platform. */
public record UserDto(String id, String username, String displayName, String tenant, String domain,
                      List<String> roles, String platformUserId) {
    public UserDto(String id, String username, String displayName, String tenant, String domain, List<String> roles) {
        this(id, username, displayName, tenant, domain, roles, null);
    }

    public static UserDto of(User u) {
        return new UserDto(u.id(), u.username(), u.displayName(), u.tenant(), u.domain(),
                u.roles().stream().map(Role::wireName).sorted().toList(), u.platformUserId());
    }

    public boolean hasRole(String role) {
        return roles != null && roles.contains(role);
    }
}
