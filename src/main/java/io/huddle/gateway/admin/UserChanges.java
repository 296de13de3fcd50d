package io.huddle.gateway.admin;

import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The audit's account of a user created or changed: what changed, from what to what; never a password. */
final class UserChanges {
    private UserChanges() {
    }

    static String created(User u, boolean password) {
        return "username " + u.username() + ", domain " + u.domain() + ", roles " + roles(u.roles())
                + (u.platformUserId() == null ? "" : ", platformUserId " + u.platformUserId())
                + (password ? ", password set" : "");
    }

    /** Each change as {@code field old -> new}, joined by "; ", or empty when nothing changed. */
    static String detail(User before, User after, boolean passwordChanged, boolean passwordRemoved) {
        List<String> parts = new ArrayList<>();
        field(parts, "displayName", before.displayName(), after.displayName());
        field(parts, "domain", before.domain(), after.domain());
        if (!before.roles().equals(after.roles())) {
            parts.add("roles " + roles(before.roles()) + " -> " + roles(after.roles()));
        }
        field(parts, "platformUserId", before.platformUserId(), after.platformUserId());
        if (before.active() != after.active()) {
            parts.add("active " + before.active() + " -> " + after.active());
        }
        if (passwordChanged) {
            parts.add(passwordRemoved ? "password removed" : "password set");
        }
        return String.join("; ", parts);
    }

    private static void field(List<String> parts, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            parts.add(name + " " + before + " -> " + after);
        }
    }

    static String roles(Set<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().toList().toString();
    }
}
