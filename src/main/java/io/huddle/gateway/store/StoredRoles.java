package io.huddle.gateway.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.huddle.domain.Role;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a user's stored role names. A name this build does not know (written by a newer gateway, or by
 * hand) is left out, so it grants nothing: a user left with no known role is treated as having none
 * (refused at sign-in). Each unknown name is said once per user at WARN, not on every request.
 */
final class StoredRoles {
    private static final Logger LOG = LoggerFactory.getLogger(StoredRoles.class);

    // bounded by the users table, which only administrators write; the cap keeps it bounded regardless
    private final Cache<String, Boolean> reported = Caffeine.newBuilder().maximumSize(10_000).build();

    Set<Role> read(String userId, String json) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : StoredJson.strings(json, "users.roles")) {
            Role role = known(name);
            if (role != null) {
                roles.add(role);
            } else if (reported.asMap().putIfAbsent(userId + "\n" + name, Boolean.TRUE) == null) {
                LOG.warn("user '{}' has the role '{}' in the store, which this gateway does not know: it is ignored"
                        + " (known roles: {})", userId, name, EnumSet.allOf(Role.class));
            }
        }
        return roles;
    }

    private static Role known(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }
}
