package io.huddle.protocol;

import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.List;

/** A signed-in user as the wire shows it. */
public record UserDto(String id, String username, String displayName, String tenant, String domain,
                      List<String> roles) {
    public static UserDto of(User u) {
        return new UserDto(u.id(), u.username(), u.displayName(), u.tenant(), u.domain(),
                u.roles().stream().map(Role::wireName).sorted().toList());
    }

    public boolean hasRole(String role) {
        return roles != null && roles.contains(role);
    }
}
