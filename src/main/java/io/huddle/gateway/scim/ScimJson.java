package io.huddle.gateway.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import java.util.Locale;

/** Reading SCIM request bodies and attribute values, leniently where identity providers differ. */
final class ScimJson {
    static final int MAX_BODY = 64 * 1024;

    private ScimJson() {
    }

    /** The body as a JSON object (SCIM attribute names ignore case); malformed JSON is 400 invalidSyntax. */
    static ObjectNode object(byte[] body) throws ScimException {
        if (body.length > MAX_BODY) {
            throw new ScimException(413, null, "request body is larger than 64 KiB");
        }
        if (body.length == 0) {
            throw BadRequestException.invalidSyntax("request body is empty: a JSON object is required");
        }
        try {
            JsonNode node = JsonUtils.getObjectReader().readTree(body);
            if (node == null || !node.isObject()) {
                throw BadRequestException.invalidSyntax("request body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw BadRequestException.invalidSyntax("request body is not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw BadRequestException.invalidSyntax("request body could not be read");
        }
    }

    /** A PATCH body (RFC 7644 section 3.5.2); operation names ignore case, as Microsoft Entra ID sends them. */
    static PatchRequest patch(byte[] body, int maxOperations) throws ScimException {
        ObjectNode node = object(body);
        JsonNode ops = node.get("Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw BadRequestException.invalidSyntax("a PATCH needs a non-empty 'Operations' array");
        }
        if (ops.size() > maxOperations) {
            throw BadRequestException.invalidValue("at most " + maxOperations + " operations per PATCH");
        }
        try {
            return JsonUtils.getObjectReader().treeToValue(node, PatchRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax("the PATCH operations cannot be read: "
                    + ScimFilters.firstLine(e.getMessage()));
        }
    }

    /** A text attribute, or null when missing or null; any other type is 400 invalidValue. */
    static String text(JsonNode parent, String field) throws BadRequestException {
        JsonNode v = parent == null ? null : parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw BadRequestException.invalidValue("attribute '" + field + "' must be a string");
        }
        return v.textValue();
    }

    /** A boolean attribute, or null when missing; the strings "true" and "false" in any case count too. */
    static Boolean bool(JsonNode parent, String field) throws BadRequestException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            String s = v.textValue().strip().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
        }
        throw BadRequestException.invalidValue("attribute '" + field + "' must be true or false");
    }
}
