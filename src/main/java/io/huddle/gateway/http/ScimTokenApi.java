package io.huddle.gateway.http;

import io.huddle.gateway.scim.ScimTokens;
import io.huddle.gateway.store.ScimToken;
import io.huddle.protocol.ListBody;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tenant's SCIM tokens, for its administrators (docs/identity.md): made, listed and revoked. */
final class ScimTokenApi {
    static final String PATH = RestApi.BASE + "/admin/scim-tokens";

    private final HttpSupport http;
    private final ScimTokens tokens;

    ScimTokenApi(HttpSupport http, ScimTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** The body of a new token's name. */
    record Create(String name) {
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, ctx -> {
            ScimTokens.Created created = tokens.create(HttpSupport.user(ctx), http.body(ctx, Create.class).name());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", created.info().id());
            answer.put("name", created.info().name());
            answer.put("token", created.token());
            answer.put("createdAt", created.info().createdAt());
            http.send(ctx, 201, answer);
        });
        routes.get(PATH, ctx -> http.send(ctx, 200, new ListBody<>(
                tokens.list(HttpSupport.user(ctx)).stream().map(ScimTokenApi::view).toList(), null)));
        routes.delete(PATH + "/{id}", ctx -> {
            tokens.revoke(HttpSupport.user(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private static Map<String, Object> view(ScimToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("createdAt", t.createdAt());
        m.put("createdBy", t.createdBy());
        m.put("lastUsedAt", t.lastUsedAt());
        return m;
    }
}
