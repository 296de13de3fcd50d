package io.huddle.gateway.floor;

import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.User;

/** The checks of a user's request that come before the floor is looked at: the role, and text fields. */
final class Require {
    private Require() {
    }

    static void role(User user, Role role, String what) {
        if (!user.has(role)) {
            throw DomainException.forbidden(what + " requires the " + role.wireName() + " role");
        }
    }

    /** A supervisor of the domain ({@code awa_manager}) or of the whole tenant ({@code awa_lead}). */
    static void supervisor(User user, String what) {
        if (!user.isSupervisor()) {
            throw DomainException.forbidden(what + " requires the awa_manager role (or awa_lead)");
        }
    }

    /** The text stripped, or null when it is blank and not required; too long or missing is a 400. */
    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw DomainException.badRequest("field '" + field + "' is required");
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw DomainException.badRequest("field '" + field + "' is longer than " + max + " characters");
        }
        return trimmed;
    }
}
