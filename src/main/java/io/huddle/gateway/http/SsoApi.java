package io.huddle.gateway.http;

import io.huddle.gateway.sso.SingleSignOn;
import io.huddle.gateway.sso.SsoThrottle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Single sign-on's open endpoints (docs/identity.md, "The flow"): the sign-in options, start and finish. */
final class SsoApi {
    static final String OPTIONS = RestApi.BASE + "/sign-in-options";
    static final String START = RestApi.BASE + "/sso/start";
    static final String FINISH = RestApi.BASE + "/sso/finish";

    record Start(String tenant, String redirectUri, String codeChallenge, String codeChallengeMethod) {
    }

    record Finish(String state, String code, String codeVerifier) {
    }

    private final HttpSupport http;
    private final SingleSignOn sso;
    private final SsoThrottle throttle;

    SsoApi(HttpSupport http, SingleSignOn sso, SsoThrottle throttle) {
        this.http = http;
        this.sso = sso;
        this.throttle = throttle;
    }

    /** Whether a path (without a trailing slash) and method are one of these endpoints, open without sign-in. */
    static boolean isOpen(String path, String method) {
        return (path.equals(OPTIONS) && "GET".equals(method))
                || ((path.equals(START) || path.equals(FINISH)) && "POST".equals(method));
    }

    void register(RoutesConfig routes) {
        routes.get(OPTIONS, ctx -> {
            SingleSignOn.Options o = sso.options(ctx.queryParam("tenant"));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("localSignIn", o.localSignIn());
            answer.put("sso", o.ssoDisplayName() == null ? null : Map.of("displayName", o.ssoDisplayName()));
            http.send(ctx, 200, answer);
        });
        routes.post(START, this::start);
        routes.post(FINISH, this::finish);
    }

    private void start(Context ctx) {
        throttle.call("start", ctx.ip());
        Start body = http.body(ctx, Start.class);
        SingleSignOn.Started s = sso.start(body.tenant(), body.redirectUri(), body.codeChallenge(),
                body.codeChallengeMethod());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("authorizationUrl", s.authorizationUrl().toString());
        answer.put("state", s.state());
        answer.put("expiresAt", s.expiresAt());
        http.send(ctx, 201, answer);
    }

    private void finish(Context ctx) {
        throttle.call("finish", ctx.ip());
        Finish body = http.body(ctx, Finish.class);
        http.send(ctx, 201, RestApi.session(sso.finish(body.state(), body.code(), body.codeVerifier())));
    }
}
