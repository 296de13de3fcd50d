package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Stage;

/** The demo gateway the console starts in-process when no server is configured. */
final class EmbeddedDemo {
    static final char[] PASSWORD = "demo".toCharArray();

    private EmbeddedDemo() {
    }

    /** Starts the demo gateway (seeded once, simulation on) on a free loopback port. */
    static GatewayServer start(Path data) {
        Path dir = data != null ? data : AppDirs.data().resolve("demo-gateway");
        return GatewayServer.start(GatewayConfig.of("127.0.0.1", 0, dir, true));
    }

    /** Opens the agent mini-window for acme agent1 on the embedded gateway (null until it exists). */
    static Consumer<Stage> agentWindow(URI base) {
        return null;
    }
}
