package io.huddle.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.Version;
import io.huddle.domain.DomainException;
import io.huddle.gateway.audit.JournalAudit;
import io.huddle.gateway.audit.JournalIngest;
import io.huddle.gateway.admin.AdminService;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.auth.PasswordHasher;
import io.huddle.gateway.auth.SessionPurge;
import io.huddle.gateway.floor.EscalationLadder;
import io.huddle.gateway.floor.FloorReads;
import io.huddle.gateway.floor.FloorRestore;
import io.huddle.gateway.floor.FloorSettings;
import io.huddle.gateway.floor.Floors;
import io.huddle.gateway.floor.HelpLifecycle;
import io.huddle.gateway.floor.PlatformSide;
import io.huddle.gateway.floor.SupervisorLegs;
import io.huddle.gateway.floor.RoutingPolicy;
import io.huddle.gateway.http.HttpApi;
import io.huddle.gateway.ops.GatewayMetrics;
import io.huddle.gateway.ops.HttpMetrics;
import io.huddle.gateway.ops.ManagementServer;
import io.huddle.gateway.ops.MicrometerMetrics;
import io.huddle.gateway.ops.Readiness;
import io.huddle.gateway.scim.ScimApi;
import io.huddle.gateway.scim.ScimGroups;
import io.huddle.gateway.scim.ScimTokens;
import io.huddle.gateway.scim.ScimUsers;
import io.huddle.gateway.platform.PlatformCalls;
import io.huddle.gateway.platform.PlatformConnections;
import io.huddle.gateway.platform.PlatformControls;
import io.huddle.gateway.platform.PlatformIntake;
import io.huddle.protocol.platform.PlatformEventReader;
import io.huddle.gateway.sso.ProviderDirectory;
import io.huddle.gateway.sso.SingleSignOn;
import io.huddle.gateway.sso.SsoAttemptPurge;
import io.huddle.gateway.sso.SsoThrottle;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.stream.StreamEndpoint;
import io.huddle.gateway.stream.StreamHub;
import io.huddle.protocol.Json;
import io.javalin.Javalin;
import io.huddle.gateway.http.RequestIds;
import io.javalin.config.RoutesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.huddle.gateway.analytics.AcceptWithin;
import io.huddle.gateway.analytics.Analytics;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference CCaaS controls gateway: the composition root that wires store, floor, sign-in, stream
 * and HTTP API, and owns their lifecycle. Runs standalone ({@code huddle gateway}) or inside the console.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewayConfig config;
    private final GatewayStore store;
    private final Floors floors;
    private final FloorReads reads;
    private final FloorSettings settings;
    private final HelpLifecycle help;
    private final SupervisorLegs legs;
    private final PlatformSide platformSide;
    private final AuthService auth;
    private final Upkeep upkeep;
    /** Takes the other instances' floor changes; null when this gateway is the only one on its store. */
    private final io.huddle.gateway.floor.FloorFollower follower;
    private final EscalationLadder ladder;
    private final EscalationTicker escalation;
    private final StreamHub hub;
    private final Javalin app;
    private final PlatformConnections platformConnections;
    private final PlatformCalls platformCalls;
    private final PlatformControls platformControls;
    private final ObjectMapper json;
    /** The metrics, when there is a management port to serve them; null otherwise. */
    private final MicrometerMetrics meters;
    private ManagementServer management;

    private GatewayServer(GatewayConfig config, Consumer<RoutesConfig> extraRoutes) {
        this.config = config;
        Clock clock = config.clock();
        ObjectMapper json = Json.newMapper();
        this.json = json;
        this.meters = config.management().enabled() ? new MicrometerMetrics() : null;
        GatewayMetrics metrics = meters != null ? meters : GatewayMetrics.NONE;
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        this.store = config.database().open();
        PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
        new DemoSupport(store, hasher, config).seedIfAsked();
        this.floors = new FloorRestore(store, clock).restore();
        this.reads = new FloorReads(floors);
        this.settings = new FloorSettings(floors);
        this.auth = new AuthService(store, hasher, clock);
        this.hub = new StreamHub(json, floors, reads, auth, clock, config.stream(), metrics);
        this.ladder = new EscalationLadder(floors, hub);
        this.escalation = new EscalationTicker(ladder);
        this.help = new HelpLifecycle(floors, RoutingPolicy.allSupervisorsOfDomain(), ladder);
        this.legs = new SupervisorLegs(floors);
        this.platformSide = new PlatformSide(floors);
        this.follower = io.huddle.gateway.floor.FloorFollower.of(floors).orElse(null);
        java.util.Map<String, java.util.function.IntSupplier> purges = new java.util.HashMap<>(java.util.Map.of(
                "expired sign-in sessions", new SessionPurge(store, clock)::purgeNow,
                "old platform event ids", new io.huddle.gateway.platform.PlatformEventPurge(store, clock)::purgeNow,
                "expired single sign-on attempts", new SsoAttemptPurge(store, clock)::purgeNow));
        if (follower != null) {
            purges.put("old floor log entries", () -> follower.purge(clock.instant()));
        }
        this.upkeep = new Upkeep(purges);
        this.platformConnections = new PlatformConnections(store, clock);
        PlatformIntake intake = new PlatformIntake(new PlatformEventReader(json), store, platformSide, platformConnections,
                clock, config.platform().eventsPerSecond(), metrics);
        this.platformCalls = new PlatformCalls(json, clock, config.platform().calls(), metrics);
        this.platformControls = new PlatformControls(reads, legs, store, platformConnections, platformCalls);
        PlatformControls controls = platformControls;
        ScimTokens scimTokens = new ScimTokens(store.scim(), clock);
        JournalIngest journals = new JournalIngest(store, clock, metrics);
        HttpApi api = new HttpApi(json, auth, reads, help, settings, store, Version.current(), journals,
                new JournalAudit(store), intake, platformConnections, controls,
                new AdminService(store, auth, hasher, clock), scimTokens,
                new SingleSignOn(store, new ProviderDirectory(ProviderDirectory.TIMEOUT), auth, clock),
                new SsoThrottle(clock, SsoThrottle.DEFAULT_PER_MINUTE), clock,
                new Analytics(store, clock, tenant -> settings.current(tenant).escalation().serviceLevel()));
        ReentrantLock scimWrites = new ReentrantLock(); // one SCIM write at a time: placements read what others write
        ScimApi scim = new ScimApi(scimTokens, new ScimUsers(store, auth, clock, scimWrites),
                new ScimGroups(store, auth, clock, scimWrites));
        if (meters != null) {
            meters.watch(hub::openStreamsByTenant, reads::pendingHelpRequests, reads::breachedHelpRequests);
            meters.watchPlatform(platformCalls.circuitBreakers(), platformCalls.bulkheads());
        }
        StreamEndpoint stream = new StreamEndpoint(json, hub, help, controls, clock, config.allowedOrigins());
        HttpMetrics httpMetrics = meters != null ? new HttpMetrics(meters) : null;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            if (httpMetrics != null) {
                cfg.requestLogger.http(httpMetrics);
            }
            cfg.http.maxRequestSize = HttpApi.maxRequestSize(); // journal batches; other bodies: 64 KiB (HttpSupport)
            cfg.jetty.modifyWebSocketServletFactory(f -> {
                f.setMaxTextMessageSize(64 * 1024);
                f.setIdleTimeout(Duration.ofMinutes(5));
            });
            RequestIds.register(cfg.routes);
            api.register(cfg.routes);
            scim.register(cfg.routes);
            stream.register(cfg.routes, ctx -> api.authenticateUpgrade(ctx));
            extraRoutes.accept(cfg.routes);
        });
        if (httpMetrics != null) {
            httpMetrics.routesOf(app);
        }
    }

    /** Builds and starts a gateway; the returned server is listening. */
    public static GatewayServer start(GatewayConfig config) {
        return start(config, routes -> { });
    }

    /**
     * Builds and starts a gateway with more routes on the same server (the benchmarks add a raw WebSocket
     * echo, their baseline for the stream's command round trip). The returned server is listening.
     */
    public static GatewayServer start(GatewayConfig config, Consumer<RoutesConfig> extraRoutes) {
        GatewayServer server = new GatewayServer(config, extraRoutes);
        try {
            server.app.start(config.host(), config.port());
            GatewayConfig.ManagementSettings m = config.management();
            if (server.meters != null) {
                server.management = ManagementServer.start(m.host(), m.port(), server.json, server.meters::scrape,
                        new Readiness(server.store));
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.upkeep.start();
        server.escalation.start();
        if (server.follower != null) {
            server.follower.start();
        }
        LOG.info("Huddle gateway {} listening on http://{}:{} (data in {})", Version.current(), config.host(),
                server.port(), config.dataDir());
        return server;
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
    }

    /**
     * Every HTTP route the server answers, as {@code "METHOD /path/{param}"} (filters and the WebSocket upgrade
     * left out): what the OpenAPI document must describe, one for one.
     */
    public java.util.SortedSet<String> httpRoutes() {
        java.util.SortedSet<String> routes = new java.util.TreeSet<>();
        for (var entry : app.unsafe.internalRouter.allHttpHandlers()) {
            if (entry.endpoint.method.isHttpMethod()) {
                routes.add(entry.endpoint.method.name() + " " + entry.endpoint.path);
            }
        }
        return routes;
    }

    /** Where the management port (metrics, health) listens; empty when it is off. */
    public Optional<InetSocketAddress> managementAddress() {
        return Optional.ofNullable(management).map(ManagementServer::address);
    }

    /** The tenants' live floors: their clock, and their events for a listener. */
    public Floors floors() {
        return floors;
    }

    /** What a user may see of the floor. */
    public FloorReads floorReads() {
        return reads;
    }

    public FloorSettings floorSettings() {
        return settings;
    }

    /** The help requests' escalation ladder (ticked every second; tests tick it with their own clock). */
    public EscalationLadder escalationLadder() {
        return ladder;
    }

    public HelpLifecycle helpLifecycle() {
        return help;
    }

    /** A supervisor's legs on the floor alone, without the platform ({@link #platformControls} asks it first). */
    public SupervisorLegs supervisorLegs() {
        return legs;
    }

    /** What happens on the contact center's floor: in the product only the Platform API's inbound side uses it. */
    public PlatformSide platformSide() {
        return platformSide;
    }

    public StreamHub hub() {
        return hub;
    }

    /**
     * Connects a tenant to a platform that runs in this same process (the demo's simulated contact center):
     * its call-control URL is set, and the secret both sides sign with is answered (made when there is none).
     * Anywhere else the tenant's admin does this over the REST API.
     */
    public String connectPlatform(String tenant, java.net.URI callControlUrl) {
        return platformConnections.connect(tenant, callControlUrl.toString());
    }

    /** A supervisor's controls, platform first. */
    public PlatformControls platformControls() {
        return platformControls;
    }

    public GatewayStore store() {
        return store;
    }

    /** The follower of the other instances' floor changes, when this gateway shares its database. */
    public java.util.Optional<io.huddle.gateway.floor.FloorFollower> follower() {
        return java.util.Optional.ofNullable(follower);
    }

    @Override
    public void close() {
        if (management != null) {
            management.close(); // before the store its readiness check reads
        }
        upkeep.close(); // before the store it writes to
        escalation.close();
        if (follower != null) {
            follower.close(); // before the store it reads
        }
        hub.close();
        try {
            app.stop();
        } catch (RuntimeException e) {
            LOG.warn("the HTTP server did not stop cleanly", e);
        }
        if (platformCalls != null) {
            platformCalls.close();
        }
        store.close();
        if (meters != null) {
            meters.close();
        }
        LOG.info("Huddle gateway stopped");
    }

    static DomainException unauthorized() {
        return new DomainException(DomainException.Kind.UNAUTHORIZED, "missing, unknown or expired bearer token");
    }
}
