package io.huddle.gateway;

import io.huddle.gateway.platform.PlatformCallSettings;
import io.huddle.gateway.platform.PlatformIntake;
import io.huddle.gateway.store.GatewayDatabase;
import io.huddle.gateway.stream.StreamHub;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * How a gateway runs. {@code port} 0 picks a free port. {@code demo} seeds the demo tenants and users.
 * {@code passwordIterations} is the PBKDF2 work factor; tests lower it to keep sign-ins quick. {@code platform}
 * is how it calls tenants' platforms and how many of their events a second it takes (docs/platform.md).
 * {@code management} is the port of metrics and health checks (docs/operations.md). {@code clock} is the gateway's
 * time (the system's UTC clock when null; tests run a gateway on a clock they move).
 */
public record GatewayConfig(String host, int port, Path dataDir, boolean demo, int passwordIterations,
                            StreamHub.StreamSettings stream, Set<String> allowedOrigins, PlatformSettings platform,
                            ManagementSettings management, GatewayDatabase database, Clock clock) {
    public GatewayConfig {
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (database == null) {
            database = new GatewayDatabase.SqliteFile(dataDir.resolve("gateway.db"));
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
    }

    /** Before a database could be named: {@code gateway.db} in the data directory. */
    public GatewayConfig(String host, int port, Path dataDir, boolean demo, int passwordIterations,
                         StreamHub.StreamSettings stream, Set<String> allowedOrigins, PlatformSettings platform,
                         ManagementSettings management) {
        this(host, port, dataDir, demo, passwordIterations, stream, allowedOrigins, platform, management, null,
                null);
    }

    /** The Platform API's limits: one control's deadline and the rest, and a tenant's events a second. */
    public record PlatformSettings(PlatformCallSettings calls, int eventsPerSecond) {
        public static PlatformSettings defaults() {
            return new PlatformSettings(PlatformCallSettings.defaults(), PlatformIntake.EVENTS_PER_SECOND);
        }
    }

    /**
     * The management port: Prometheus metrics and health checks, apart from the API (by default 9787: the API's
     * 8787 plus 1000, clear of the simulator's 8788). Off in {@link #of} (the desktop's embedded gateway has no
     * one to scrape it); on this machine only unless a host says otherwise.
     */
    public record ManagementSettings(boolean enabled, String host, int port) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 9787;

        public static ManagementSettings off() {
            return new ManagementSettings(false, DEFAULT_HOST, DEFAULT_PORT);
        }

        /** On, at {@code host}:{@code port} (0: any free port). */
        public static ManagementSettings on(String host, int port) {
            return new ManagementSettings(true, host, port);
        }
    }

    public static GatewayConfig of(String host, int port, Path dataDir, boolean demo) {
        return new GatewayConfig(host, port, dataDir, demo,
                io.huddle.gateway.auth.PasswordHasher.DEFAULT_ITERATIONS, StreamHub.StreamSettings.defaults(),
                Set.of(), PlatformSettings.defaults(), ManagementSettings.off());
    }

    public GatewayConfig withPasswordIterations(int iterations) {
        return new GatewayConfig(host, port, dataDir, demo, iterations, stream, allowedOrigins, platform,
                management, database, clock);
    }

    public GatewayConfig withStream(StreamHub.StreamSettings settings) {
        return new GatewayConfig(host, port, dataDir, demo, passwordIterations, settings, allowedOrigins, platform,
                management, database, clock);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(host, newPort, dataDir, demo, passwordIterations, stream, allowedOrigins, platform,
                management, database, clock);
    }

    public GatewayConfig withPlatform(PlatformSettings settings) {
        return new GatewayConfig(host, port, dataDir, demo, passwordIterations, stream, allowedOrigins, settings,
                management, database, clock);
    }

    /** The database the gateway keeps its store in (default: {@code gateway.db} in the data directory). */
    public GatewayConfig withDatabase(GatewayDatabase db) {
        return new GatewayConfig(host, port, dataDir, demo, passwordIterations, stream, allowedOrigins, platform,
                management, db, clock);
    }

    public GatewayConfig withManagement(ManagementSettings settings) {
        return new GatewayConfig(host, port, dataDir, demo, passwordIterations, stream, allowedOrigins, platform,
                settings, database, clock);
    }

    public GatewayConfig withClock(Clock newClock) {
        return new GatewayConfig(host, port, dataDir, demo, passwordIterations, stream, allowedOrigins, platform,
                management, database, newClock);
    }
}
