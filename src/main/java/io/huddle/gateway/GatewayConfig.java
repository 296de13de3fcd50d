package io.huddle.gateway;

import io.huddle.gateway.stream.StreamHub;
import java.nio.file.Path;
import java.util.Set;

/**
 * How a gateway runs. {@code port} 0 picks a free port. {@code passwordIterations} is the PBKDF2 work
 * factor; tests lower it to keep sign-ins quick.
 */
public record GatewayConfig(String host, int port, Path dataDir, boolean demo, int passwordIterations,
                            StreamHub.StreamSettings stream, Set<String> allowedOrigins, boolean simulate) {
    public GatewayConfig {
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    public static GatewayConfig of(String host, int port, Path dataDir, boolean demo) {
        return new GatewayConfig(host, port, dataDir, demo,
                io.huddle.gateway.auth.PasswordHasher.DEFAULT_ITERATIONS, StreamHub.StreamSettings.defaults(),
                Set.of(), demo);
    }

    public GatewayConfig withPasswordIterations(int iterations) {
        return new GatewayConfig(host, port, dataDir, demo, iterations, stream, allowedOrigins, simulate);
    }

    public GatewayConfig withStream(StreamHub.StreamSettings settings) {
        return new GatewayConfig(host, port, dataDir, demo, passwordIterations, settings, allowedOrigins, simulate);
    }

    public GatewayConfig withSimulation(boolean on) {
        return new GatewayConfig(host, port, dataDir, demo, passwordIterations, stream, allowedOrigins, on);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(host, newPort, dataDir, demo, passwordIterations, stream, allowedOrigins, simulate);
    }
}
