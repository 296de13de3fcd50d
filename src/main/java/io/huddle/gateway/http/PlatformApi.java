package io.huddle.gateway.http;

import io.huddle.domain.PlatformConnection;
import io.huddle.gateway.floor.PlatformFact;
import io.huddle.gateway.platform.PlatformConnections;
import io.huddle.gateway.platform.PlatformIntake;
import io.huddle.protocol.platform.PlatformSignature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Platform API's HTTP routes (docs/platform.md): the platform's signed events in, and the admin's
 * management of the tenant's connection. The events route takes no bearer token: its signature is its proof.
 */
final class PlatformApi {
    static final String EVENTS = RestApi.BASE + "/platform/events";

    private final HttpSupport http;
    private final PlatformIntake intake;
    private final PlatformConnections connections;

    PlatformApi(HttpSupport http, PlatformIntake intake, PlatformConnections connections) {
        this.http = http;
        this.intake = intake;
        this.connections = connections;
    }

    /** True for the route that a platform signs instead of a person's bearer token (the events route only). */
    static boolean signedByPlatform(String path) {
        return path.equals(EVENTS);
    }

    void register(RoutesConfig routes) {
        routes.post(EVENTS, this::events);
        routes.get(RestApi.BASE + "/tenant/platform", ctx -> http.send(ctx, 200,
                view(connections.view(HttpSupport.user(ctx)))));
        routes.put(RestApi.BASE + "/tenant/platform", ctx -> {
            Requests.Platform body = http.body(ctx, Requests.Platform.class);
            http.send(ctx, 200, view(connections.setCallControlUrl(HttpSupport.user(ctx), body.callControlUrl())));
        });
        routes.post(RestApi.BASE + "/tenant/platform/secret", ctx -> http.send(ctx, 201,
                Map.of("secret", connections.newSecret(HttpSupport.user(ctx)))));
    }

    private void events(Context ctx) {
        try {
            PlatformFact.Outcome done = intake.receive(ctx.header(PlatformSignature.TENANT_HEADER),
                    ctx.header(PlatformSignature.SIGNATURE_HEADER), ctx.bodyAsBytes());
            http.send(ctx, 200, done);
        } catch (PlatformIntake.Flooded e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            http.send(ctx, 429, new io.huddle.protocol.ErrorBody("rate_limited", e.getMessage()));
        }
    }

    /** What an admin may see of the connection: never the secret. */
    private static Map<String, Object> view(PlatformConnection c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tenant", c.tenant());
        v.put("callControlUrl", c.callControlUrl());
        v.put("secretSet", c.hasSecret());
        Instant at = c.secretSetAt();
        v.put("secretSetAt", at == null ? null : io.huddle.protocol.Json.format(at));
        return v;
    }
}
