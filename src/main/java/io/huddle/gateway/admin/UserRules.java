package io.huddle.gateway.admin;

import io.huddle.domain.DomainException;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules on what an administrator sends: names, roles and passwords (docs/identity.md). Each breach is a 400. */
final class UserRules {
    static final int MAX_NAME = 100;
    static final int MAX_DISPLAY_NAME = 200;
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1_000;

    private UserRules() {
    }

    /** A user name or a domain name: 1 to 100 characters, no whitespace. */
    static String name(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_NAME
                || value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c))) {
            throw DomainException.badRequest("field '" + field + "' must be 1 to " + MAX_NAME
                    + " characters without spaces");
        }
        return value;
    }

    /** A display name, or the user name when none is given. */
    static String displayName(String value, String username) {
        if (value == null || value.isBlank()) {
            return username;
        }
        String v = value.strip();
        if (v.length() > MAX_DISPLAY_NAME) {
            throw DomainException.badRequest("field 'displayName' must be at most " + MAX_DISPLAY_NAME
                    + " characters");
        }
        return v;
    }

    static Set<Role> roles(List<String> wireNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (wireNames == null) {
            return roles;
        }
        for (String name : wireNames) {
            try {
                roles.add(Role.fromWire(name));
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("field 'roles' has an unknown role '" + name + "': expected "
                        + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", ")));
            }
        }
        return roles;
    }

    /** A platform user id, or null when none (blank is none). */
    static String platformUserId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_DISPLAY_NAME) {
            throw DomainException.badRequest("field 'platformUserId' must be at most " + MAX_DISPLAY_NAME
                    + " characters");
        }
        return v;
    }

    /**
     * A password an administrator sets: at least 12 characters, and only for an admin when the tenant has turned
     * local sign-in off (its administrators keep theirs, so a broken identity provider cannot lock it out).
     */
    static void password(String password, Set<Role> roles, IdentitySettings identity) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw DomainException.badRequest("field 'password' must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters");
        }
        if (!identity.localSignIn() && !roles.contains(Role.ADMIN)) {
            throw DomainException.badRequest("this tenant has turned local sign-in off: only a user with the role"
                    + " admin can have a password");
        }
    }
}
