package io.huddle.gateway.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.huddle.domain.User;
import io.huddle.gateway.store.ScimGroup;
import io.huddle.gateway.store.ScimUser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Users and groups as SCIM resources (RFC 7643 sections 4.1 and 4.2), and the attributes read from a request. */
final class ScimResources {
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final int MAX_USERNAME = 100;

    private static final JsonNodeFactory NODES = com.unboundid.scim2.common.utils.JsonUtils.getJsonNodeFactory();

    private ScimResources() {
    }

    /** What a POST or PUT (or a PATCH, once applied) says about a user. */
    record UserFields(String userName, String displayName, Boolean active, String externalId) {
    }

    /** What a POST or PUT (or a PATCH, once applied) says about a group. */
    record GroupFields(String displayName, String externalId, Set<String> memberIds) {
    }

    static ObjectNode user(ScimUser su, List<ScimGroup> groups, String base) {
        User u = su.user();
        ObjectNode n = NODES.objectNode();
        n.putArray("schemas").add(USER_SCHEMA);
        n.put("id", u.id());
        if (su.externalId() != null) {
            n.put("externalId", su.externalId());
        }
        n.put("userName", u.username());
        if (u.displayName() != null) {
            n.put("displayName", u.displayName());
            n.putObject("name").put("formatted", u.displayName());
        }
        n.put("active", u.active());
        if (!groups.isEmpty()) {
            ArrayNode g = n.putArray("groups");
            for (ScimGroup group : groups) {
                g.addObject().put("value", group.id()).put("display", group.displayName())
                        .put("$ref", base + "/Groups/" + group.id());
            }
        }
        meta(n, "User", base + "/Users/" + u.id(), null, null);
        return n;
    }

    static ObjectNode group(ScimGroup g, String base, boolean withMembers) {
        ObjectNode n = NODES.objectNode();
        n.putArray("schemas").add(GROUP_SCHEMA);
        n.put("id", g.id());
        if (g.externalId() != null) {
            n.put("externalId", g.externalId());
        }
        n.put("displayName", g.displayName());
        if (withMembers) {
            ArrayNode members = n.putArray("members");
            for (String id : g.memberIds()) {
                members.addObject().put("value", id).put("$ref", base + "/Users/" + id).put("type", "User");
            }
        }
        meta(n, "Group", base + "/Groups/" + g.id(), g.createdAt(), g.updatedAt());
        return n;
    }

    private static void meta(ObjectNode n, String type, String location, java.time.Instant created,
                             java.time.Instant modified) {
        ObjectNode meta = n.putObject("meta");
        meta.put("resourceType", type);
        if (created != null) {
            meta.put("created", created.toString());
        }
        if (modified != null) {
            meta.put("lastModified", modified.toString());
        }
        meta.put("location", location);
    }

    /**
     * A user's attributes: {@code userName} (1 to 100 characters, no spaces), {@code displayName} (or else
     * {@code name.formatted}, or else given and family name), {@code active} and {@code externalId}. Emails,
     * the enterprise extension and other attributes are accepted and not kept.
     */
    static UserFields userFields(ObjectNode n) throws BadRequestException {
        String userName = ScimJson.text(n, "userName");
        if (userName == null || userName.isBlank()) {
            throw BadRequestException.invalidValue("attribute 'userName' is required");
        }
        userName = userName.strip();
        if (userName.length() > MAX_USERNAME || userName.chars().anyMatch(Character::isWhitespace)) {
            throw BadRequestException.invalidValue("attribute 'userName' must be 1 to " + MAX_USERNAME
                    + " characters without spaces");
        }
        return new UserFields(userName, displayName(n), ScimJson.bool(n, "active"), ScimJson.text(n, "externalId"));
    }

    private static String displayName(ObjectNode n) throws BadRequestException {
        String display = ScimJson.text(n, "displayName");
        if (display != null && !display.isBlank()) {
            return display.strip();
        }
        JsonNode name = n.get("name");
        if (name == null || !name.isObject()) {
            return null;
        }
        String formatted = ScimJson.text(name, "formatted");
        if (formatted != null && !formatted.isBlank()) {
            return formatted.strip();
        }
        String given = ScimJson.text(name, "givenName");
        String family = ScimJson.text(name, "familyName");
        String joined = ((given == null ? "" : given.strip()) + " " + (family == null ? "" : family.strip())).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** A group's attributes: {@code displayName} (required), {@code externalId}, {@code members[].value}. */
    static GroupFields groupFields(ObjectNode n) throws BadRequestException {
        String displayName = ScimJson.text(n, "displayName");
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw BadRequestException.invalidValue("attribute 'displayName' is required: 1 to 200 characters");
        }
        Set<String> members = new LinkedHashSet<>();
        JsonNode array = n.get("members");
        if (array != null && !array.isNull()) {
            if (!array.isArray()) {
                throw BadRequestException.invalidValue("attribute 'members' must be an array");
            }
            for (JsonNode m : array) {
                String value = m.isObject() ? ScimJson.text(m, "value") : null;
                if (value == null || value.isBlank()) {
                    throw BadRequestException.invalidValue("each member needs a 'value': the user's id");
                }
                members.add(value);
            }
        }
        return new GroupFields(displayName.strip(), ScimJson.text(n, "externalId"), members);
    }
}
