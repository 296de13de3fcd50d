package io.huddle.gateway.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.huddle.gateway.store.ScimCondition;
import io.huddle.gateway.store.ScimGroup;
import io.huddle.gateway.store.ScimPage;
import io.huddle.gateway.store.ScimToken;
import io.huddle.gateway.store.ScimUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCIM 2.0 over HTTP (RFC 7644) at {@code /scim/v2}: Users, Groups and the discovery documents. Authenticated only
 * by a tenant's SCIM token (a person's session token is unknown here, as a SCIM token is under {@code /api/v1});
 * answers are {@code application/scim+json}, and every error is a SCIM error with its status and scimType.
 */
public final class ScimApi {
    public static final String BASE = "/scim/v2";
    static final String CONTENT_TYPE = "application/scim+json";
    static final int MAX_COUNT = 200;
    static final int DEFAULT_COUNT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ScimApi.class);
    private static final String TOKEN = "huddle.scim.token";

    private final ScimTokens tokens;
    private final ScimUsers users;
    private final ScimGroups groups;

    public ScimApi(ScimTokens tokens, ScimUsers users, ScimGroups groups) {
        this.tokens = tokens;
        this.users = users;
        this.groups = groups;
    }

    /** One SCIM endpoint: the token is the authenticated caller. */
    @FunctionalInterface
    private interface Endpoint {
        void handle(Context ctx, ScimToken token) throws ScimException;
    }

    public void register(RoutesConfig routes) {
        routes.before(BASE + "/*", this::authenticate);
        routes.before(BASE, this::authenticate);
        routes.get(BASE + "/ServiceProviderConfig", scim((ctx, t) -> send(ctx, 200,
                ScimDiscovery.serviceProviderConfig(base(ctx), MAX_COUNT))));
        routes.get(BASE + "/ResourceTypes", scim((ctx, t) -> send(ctx, 200, ScimDiscovery.resourceTypes(base(ctx)))));
        routes.get(BASE + "/Schemas", scim((ctx, t) -> send(ctx, 200, ScimDiscovery.schemas(base(ctx)))));

        routes.get(BASE + "/Users", scim(this::listUsers));
        routes.post(BASE + "/Users", scim((ctx, t) -> {
            ScimUser u = users.create(t, ScimResources.userFields(ScimJson.object(ctx.bodyAsBytes())));
            created(ctx, users.resource(u, base(ctx)));
        }));
        routes.get(BASE + "/Users/{id}", scim((ctx, t) -> send(ctx, 200,
                users.resource(users.get(t, ctx.pathParam("id")), base(ctx)))));
        routes.put(BASE + "/Users/{id}", scim((ctx, t) -> send(ctx, 200, users.resource(users.replace(t,
                ctx.pathParam("id"), ScimResources.userFields(ScimJson.object(ctx.bodyAsBytes()))), base(ctx)))));
        routes.patch(BASE + "/Users/{id}", scim((ctx, t) -> send(ctx, 200, users.resource(users.patch(t,
                ctx.pathParam("id"), ScimJson.patch(ctx.bodyAsBytes(), ScimUsers.MAX_OPERATIONS), base(ctx)),
                base(ctx)))));
        routes.delete(BASE + "/Users/{id}", scim((ctx, t) -> {
            users.delete(t, ctx.pathParam("id"));
            ctx.status(204);
        }));

        routes.get(BASE + "/Groups", scim(this::listGroups));
        routes.post(BASE + "/Groups", scim((ctx, t) -> {
            ScimGroup g = groups.create(t, ScimResources.groupFields(ScimJson.object(ctx.bodyAsBytes())));
            created(ctx, groups.resource(g, base(ctx), true));
        }));
        routes.get(BASE + "/Groups/{id}", scim((ctx, t) -> send(ctx, 200,
                groups.resource(groups.get(t, ctx.pathParam("id")), base(ctx), withMembers(ctx)))));
        routes.put(BASE + "/Groups/{id}", scim((ctx, t) -> send(ctx, 200, groups.resource(groups.replace(t,
                ctx.pathParam("id"), ScimResources.groupFields(ScimJson.object(ctx.bodyAsBytes()))), base(ctx),
                true))));
        routes.patch(BASE + "/Groups/{id}", scim((ctx, t) -> send(ctx, 200, groups.resource(groups.patch(t,
                ctx.pathParam("id"), ScimJson.patch(ctx.bodyAsBytes(), ScimGroups.MAX_MEMBER_CHANGES), base(ctx)),
                base(ctx), withMembers(ctx)))));
        routes.delete(BASE + "/Groups/{id}", scim((ctx, t) -> {
            groups.delete(t, ctx.pathParam("id"));
            ctx.status(204);
        }));
    }

    private void authenticate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        String header = ctx.header("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : null;
        ScimToken token = tokens.authenticate(secret).orElse(null);
        if (token == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, new ScimException(401, null, "missing, unknown or revoked SCIM token"));
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(TOKEN, token);
    }

    private void listUsers(Context ctx, ScimToken t) throws ScimException {
        ScimCondition where = ScimFilters.parse(ctx.queryParam("filter"), ScimFilters.USERS);
        int start = intParam(ctx, "startIndex", 1);
        int count = Math.min(MAX_COUNT, Math.max(0, intParam(ctx, "count", DEFAULT_COUNT)));
        ScimPage<ScimUser> page = users.list(t, where, Math.max(1, start) - 1, count);
        String base = base(ctx);
        send(ctx, 200, listResponse(page, Math.max(1, start), u -> users.resource(u, base)));
    }

    private void listGroups(Context ctx, ScimToken t) throws ScimException {
        ScimCondition where = ScimFilters.parse(ctx.queryParam("filter"), ScimFilters.GROUPS);
        int start = intParam(ctx, "startIndex", 1);
        int count = Math.min(MAX_COUNT, Math.max(0, intParam(ctx, "count", DEFAULT_COUNT)));
        boolean members = withMembers(ctx);
        ScimPage<ScimGroup> page = groups.list(t, where, Math.max(1, start) - 1, count, members);
        String base = base(ctx);
        send(ctx, 200, listResponse(page, Math.max(1, start), g -> groups.resource(g, base, members)));
    }

    private static <T> ObjectNode listResponse(ScimPage<T> page, int start, Function<T, ObjectNode> resource) {
        ObjectNode n = JsonUtils.getJsonNodeFactory().objectNode();
        n.putArray("schemas").add(ScimDiscovery.LIST_SCHEMA);
        n.put("totalResults", page.totalResults()).put("itemsPerPage", page.items().size()).put("startIndex", start);
        ArrayNode resources = n.putArray("Resources");
        page.items().forEach(item -> resources.add(resource.apply(item)));
        return n;
    }

    /** Members are left out when the caller asks so ({@code excludedAttributes=members}, as Entra ID does). */
    private static boolean withMembers(Context ctx) {
        String excluded = ctx.queryParam("excludedAttributes");
        return excluded == null || List.of(excluded.toLowerCase(Locale.ROOT).split(",")).stream()
                .map(String::strip).noneMatch(a -> a.equals("members"));
    }

    private static int intParam(Context ctx, String name, int otherwise) throws BadRequestException {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        if (!v.strip().matches("-?[0-9]{1,9}")) {
            throw BadRequestException.invalidValue("query parameter '" + name + "' must be a whole number");
        }
        return Integer.parseInt(v.strip());
    }

    /** The address of this SCIM service as the caller reached it, for resources' locations. */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + BASE;
    }

    private io.javalin.http.Handler scim(Endpoint endpoint) {
        return ctx -> {
            try {
                endpoint.handle(ctx, ctx.attribute(TOKEN));
            } catch (ScimException e) {
                error(ctx, e);
            } catch (RuntimeException e) {
                LOG.error("SCIM {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, new ScimException(500, null, "the gateway could not complete this request"));
            }
        };
    }

    private static void created(Context ctx, ObjectNode resource) {
        ctx.header("Location", resource.path("meta").path("location").asText());
        send(ctx, 201, resource);
    }

    private static void error(Context ctx, ScimException e) {
        ErrorResponse body = e.getScimError();
        send(ctx, body.getStatus(), body);
    }

    private static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(JsonUtils.getObjectWriter().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SCIM answer could not be written as JSON", e);
        }
    }
}
