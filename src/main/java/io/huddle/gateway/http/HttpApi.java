package io.huddle.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.DomainException;
import io.huddle.domain.User;
import io.huddle.gateway.admin.AdminService;
import io.huddle.gateway.analytics.Analytics;
import io.huddle.gateway.audit.JournalAudit;
import io.huddle.gateway.audit.JournalIngest;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.floor.FloorReads;
import io.huddle.gateway.floor.FloorSettings;
import io.huddle.gateway.floor.HelpLifecycle;
import io.huddle.gateway.platform.PlatformConnections;
import io.huddle.gateway.platform.PlatformControls;
import io.huddle.gateway.platform.PlatformIntake;
import io.huddle.gateway.scim.ScimTokens;
import io.huddle.gateway.sso.SingleSignOn;
import io.huddle.gateway.sso.SsoThrottle;
import io.huddle.gateway.store.GatewayStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side of the gateway: REST routes and one error format for every failure. */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final HttpSupport http;
    private final RestApi rest;
    private final JournalApi journal;
    private final PlatformApi platform;
    private final AdminApi admin;
    private final IdentityApi identity;
    private final SsoApi sso;
    private final AuthService auth;
    private final ScimTokenApi scimTokens;
    private final AnalyticsApi analytics;
    private final ApiReference reference;

    public HttpApi(ObjectMapper json, AuthService auth, FloorReads reads, HelpLifecycle help, FloorSettings settings,
                   GatewayStore store, String version,
                   JournalIngest ingest, JournalAudit audit, PlatformIntake intake, PlatformConnections connections,
                   PlatformControls controls, AdminService admin, ScimTokens scimTokens, SingleSignOn sso,
                   SsoThrottle ssoThrottle, Clock clock, Analytics analytics) {
        this.http = new HttpSupport(json, auth);
        this.auth = auth;
        this.rest = new RestApi(http, auth, reads, help, settings, controls, store, version);
        this.journal = new JournalApi(http, store, ingest, audit);
        this.platform = new PlatformApi(http, intake, connections);
        this.admin = new AdminApi(http, admin);
        this.scimTokens = new ScimTokenApi(http, scimTokens);
        this.identity = new IdentityApi(http, store, clock);
        this.sso = new SsoApi(http, sso, ssoThrottle);
        this.analytics = new AnalyticsApi(http, analytics);
        this.reference = new ApiReference(http, json);
    }

    /** The largest body any route reads (a journal batch); every other route holds its own to 64 KiB. */
    public static int maxRequestSize() {
        return JournalApi.MAX_BATCH_BODY;
    }

    public void register(RoutesConfig routes) {
        rest.register(routes);
        journal.register(routes);
        platform.register(routes);
        admin.register(routes);
        scimTokens.register(routes);
        identity.register(routes);
        sso.register(routes);
        analytics.register(routes);
        reference.register(routes);
        routes.exception(DomainException.class, (e, ctx) -> http.error(ctx, e.kind(), e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            DomainException.Kind kind = kindOf(e.getStatus());
            boolean batches = ctx.path().startsWith(JournalApi.BATCHES) || ctx.path().equals(PlatformApi.EVENTS);
            int limit = batches ? JournalApi.MAX_BATCH_BODY : HttpSupport.MAX_BODY;
            http.error(ctx, kind, e.getStatus() == 413 ? "request body is larger than " + HttpSupport.size(limit)
                    : e.getMessage());
        });
        routes.exception(io.huddle.gateway.store.StoreException.class, (e, ctx) -> {
            if (e.alreadyExists() && !ctx.res().isCommitted()) {
                LOG.info("{} {}: {} (created meanwhile elsewhere)", ctx.method(), ctx.path(), e.getMessage());
                http.error(ctx, DomainException.Kind.CONFLICT, "it was created at the same moment by someone else "
                        + "(another admin, provisioning or another gateway); nothing was changed: reload and look");
            } else {
                internalError(e, ctx);
            }
        });
        routes.exception(Exception.class, this::internalError);
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                http.error(ctx, DomainException.Kind.NOT_FOUND, "no such endpoint: " + ctx.method() + " "
                        + ctx.path());
            }
        });
    }

    /** Anything else that went wrong: 500, nothing changed (or, an answer already streaming, a cut connection). */
    private void internalError(Exception e, Context ctx) {
        if (ctx.res().isCommitted()) {
            // a streamed answer (a CSV export) already went out as 200: cut the connection, so the client
            // sees a broken download instead of a whole-looking body with an error glued to its end
            LOG.error("{} {} failed after its answer had begun; the connection is cut", ctx.method(),
                    ctx.path(), e);
            ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
            return;
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        http.send(ctx, 500, new io.huddle.protocol.ErrorBody("internal",
                "the gateway could not complete this request; nothing was changed"));
    }

    /** Authenticates a WebSocket upgrade from its Authorization header; answers 401 before the upgrade. */
    public Map.Entry<User, String> authenticateUpgrade(Context ctx) {
        String token = HttpSupport.bearer(ctx.header("Authorization"));
        User user = auth.authenticate(token).orElseThrow(() -> new DomainException(
                DomainException.Kind.UNAUTHORIZED, "missing, unknown or expired bearer token: sign in again"));
        return Map.entry(user, AuthService.digest(token));
    }

    private static DomainException.Kind kindOf(int status) {
        for (DomainException.Kind k : DomainException.Kind.values()) {
            if (k.httpStatus() == status) {
                return k;
            }
        }
        return DomainException.Kind.BAD_REQUEST;
    }
}
