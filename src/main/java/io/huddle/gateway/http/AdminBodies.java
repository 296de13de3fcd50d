package io.huddle.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.DomainException;
import io.huddle.gateway.admin.NewUser;
import io.huddle.gateway.admin.UserPatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the administration's request bodies field by field, so a PATCH can tell a field left out from one set
 * to null, and every wrong type or unknown field is a 400 naming it.
 */
final class AdminBodies {
    private static final Set<String> USER_FIELDS = Set.of("username", "displayName", "domain", "roles",
            "platformUserId", "password");
    private static final Set<String> PATCH_FIELDS = Set.of("displayName", "domain", "roles", "platformUserId",
            "password", "active");

    private AdminBodies() {
    }

    static String domainName(JsonNode body) {
        known(body, Set.of("name"));
        return text(body, "name");
    }

    static NewUser newUser(JsonNode body) {
        known(body, USER_FIELDS);
        return new NewUser(text(body, "username"), text(body, "displayName"), text(body, "domain"),
                roles(body), text(body, "platformUserId"), text(body, "password"));
    }

    static UserPatch patch(JsonNode body) {
        if (body.has("username")) {
            throw DomainException.badRequest("field 'username' cannot be changed");
        }
        known(body, PATCH_FIELDS);
        JsonNode active = body.get("active");
        if (active != null && !active.isBoolean()) {
            throw DomainException.badRequest("field 'active' must be true or false");
        }
        return new UserPatch(text(body, "displayName"), text(body, "domain"), roles(body),
                active == null ? null : active.booleanValue(), body.has("platformUserId"),
                text(body, "platformUserId"), body.has("password"), text(body, "password"));
    }

    private static void known(JsonNode body, Set<String> fields) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw DomainException.badRequest("unknown field '" + name + "': expected "
                        + fields.stream().sorted().toList());
            }
        }
    }

    /** A string field, or null when it is missing or null. */
    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw DomainException.badRequest("field '" + field + "' must be a string");
        }
        return v.textValue();
    }

    /** The role names, or null when the field is missing or null. */
    private static List<String> roles(JsonNode body) {
        JsonNode v = body.get("roles");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw DomainException.badRequest("field 'roles' must be a list of role names");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode r : v) {
            if (!r.isTextual()) {
                throw DomainException.badRequest("field 'roles' must be a list of role names");
            }
            roles.add(r.textValue());
        }
        return roles;
    }
}
