package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import java.nio.file.Path;

/** The demo gateway the console starts in-process when no server is configured. */
final class EmbeddedDemo {
    /** A fresh copy each time: a client may clear the array after use. */
    static char[] password() {
        return "demo".toCharArray();
    }

    private EmbeddedDemo() {
    }

    /** Starts the demo gateway (seeded once, simulation on) on a free loopback port. */
    static GatewayServer start(Path data) {
        Path dir = data != null ? data : AppDirs.data().resolve("demo-gateway");
        return GatewayServer.start(GatewayConfig.of("127.0.0.1", 0, dir, true));
    }
}
