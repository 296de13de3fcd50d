package io.huddle.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.huddle.domain.DomainException;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import io.huddle.protocol.ErrorBody;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reading requests and writing answers the same way on every endpoint. */
final class HttpSupport {
    static final String USER = "huddle.user";
    static final String TOKEN = "huddle.token";
    static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper json;
    private final AuthService auth;

    HttpSupport(ObjectMapper json, AuthService auth) {
        this.json = json;
        this.auth = auth;
    }

    ObjectMapper json() {
        return json;
    }

    /** The bearer token of the request, or null. Never logged. */
    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** Authenticates the request or answers 401. */
    User authenticate(Context ctx) {
        String token = bearer(ctx.header("Authorization"));
        User user = auth.authenticate(token).orElseThrow(() -> new DomainException(
                DomainException.Kind.UNAUTHORIZED, "missing, unknown or expired bearer token: sign in again"));
        ctx.attribute(USER, user);
        ctx.attribute(TOKEN, token);
        return user;
    }

    static User user(Context ctx) {
        return ctx.attribute(USER);
    }

    <T> T body(Context ctx, Class<T> type) {
        return body(ctx, type, MAX_BODY);
    }

    /** Reads a JSON object of at most {@code maxBytes}; a larger body is 413. */
    <T> T body(Context ctx, Class<T> type, int maxBytes) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > maxBytes) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "request body is larger than " + size(maxBytes));
        }
        if (bytes.length == 0) {
            throw DomainException.badRequest("request body is empty: a JSON object is required");
        }
        try {
            JsonNode tree = json.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw DomainException.badRequest("request body must be a JSON object");
            }
            return json.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw DomainException.badRequest(describe(e));
        } catch (java.io.IOException e) {
            throw DomainException.badRequest("request body could not be read: " + e.getMessage());
        }
    }

    static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    /** A reader's account of bad JSON that names the field, without echoing Jackson internals. */
    static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null
                && ife.getTargetType().isEnum()) {
            String allowed = Arrays.stream(ife.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return "field '" + path(ife) + "' has an invalid value '" + ife.getValue() + "': expected one of "
                    + allowed;
        }
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            return "field '" + path(jme) + "' has the wrong type or format";
        }
        return "request body is not valid JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                + ")";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }

    void error(Context ctx, DomainException.Kind kind, String message) {
        send(ctx, kind.httpStatus(), new ErrorBody(kind.code(), message));
    }

    /** A text query parameter, or null when it is missing or blank (an empty parameter is no filter). */
    static String textParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A time query parameter, or null when it is missing or blank; see {@link TimeParam} for what it accepts. */
    static Instant instantParam(Context ctx, String name) {
        return TimeParam.parse(name, ctx.queryParam(name));
    }

    static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("query parameter '" + name + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The page size, 100 when missing: ASCII digits only, 1 to 500; anything else is a 400 naming it. */
    static int limitParam(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isBlank()) {
            return 100;
        }
        String digits = v.strip();
        if (!digits.matches("-?[0-9]{1,9}")) {
            throw DomainException.badRequest("query parameter 'limit' must be a whole number from 1 to 500");
        }
        int limit = Integer.parseInt(digits);
        if (limit < 1 || limit > 500) {
            throw DomainException.badRequest("query parameter 'limit' must be between 1 and 500");
        }
        return limit;
    }
}
