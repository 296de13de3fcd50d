package io.huddle.gateway.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;

/** The discovery documents (RFC 7644 section 4): what this service provider supports, kept minimal. */
final class ScimDiscovery {
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final JsonNodeFactory NODES = JsonUtils.getJsonNodeFactory();

    private ScimDiscovery() {
    }

    static ObjectNode serviceProviderConfig(String base, int maxResults) {
        ObjectNode n = NODES.objectNode();
        n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        n.putObject("patch").put("supported", true);
        n.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        n.putObject("filter").put("supported", true).put("maxResults", maxResults);
        n.putObject("changePassword").put("supported", false);
        n.putObject("sort").put("supported", false);
        n.putObject("etag").put("supported", false);
        n.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken")
                .put("name", "Bearer token").put("description", "A SCIM token made by a tenant's administrator")
                .put("primary", true);
        n.putObject("meta").put("resourceType", "ServiceProviderConfig")
                .put("location", base + "/ServiceProviderConfig");
        return n;
    }

    static ObjectNode resourceTypes(String base) {
        return list(resourceType(base, "User", "/Users", ScimResources.USER_SCHEMA),
                resourceType(base, "Group", "/Groups", ScimResources.GROUP_SCHEMA));
    }

    static ObjectNode schemas(String base) {
        return list(schema(base, ScimResources.USER_SCHEMA, "User", "userName", "displayName", "name", "active",
                        "externalId", "groups"),
                schema(base, ScimResources.GROUP_SCHEMA, "Group", "displayName", "externalId", "members"));
    }

    private static ObjectNode resourceType(String base, String name, String endpoint, String schema) {
        ObjectNode n = NODES.objectNode();
        n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        n.put("id", name).put("name", name).put("endpoint", endpoint).put("schema", schema);
        n.putObject("meta").put("resourceType", "ResourceType").put("location", base + "/ResourceTypes/" + name);
        return n;
    }

    private static ObjectNode schema(String base, String id, String name, String... attributes) {
        ObjectNode n = NODES.objectNode();
        n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
        n.put("id", id).put("name", name);
        ArrayNode attrs = n.putArray("attributes");
        for (String a : attributes) {
            boolean complex = a.equals("name") || a.equals("groups") || a.equals("members");
            attrs.addObject().put("name", a).put("type", complex ? "complex" : a.equals("active") ? "boolean" : "string")
                    .put("multiValued", a.equals("groups") || a.equals("members"))
                    .put("required", a.equals("userName") || (a.equals("displayName") && name.equals("Group")))
                    .put("mutability", a.equals("groups") ? "readOnly" : "readWrite")
                    .put("caseExact", a.equals("externalId"))
                    .put("uniqueness", a.equals("userName") ? "server" : "none")
                    .put("returned", "default").put("description", a);
        }
        n.putObject("meta").put("resourceType", "Schema").put("location", base + "/Schemas/" + id);
        return n;
    }

    private static ObjectNode list(ObjectNode... resources) {
        ObjectNode n = NODES.objectNode();
        n.putArray("schemas").add(LIST_SCHEMA);
        n.put("totalResults", resources.length).put("itemsPerPage", resources.length).put("startIndex", 1);
        ArrayNode r = n.putArray("Resources");
        for (ObjectNode o : resources) {
            r.add(o);
        }
        return n;
    }
}
