package io.huddle.cli;

import io.huddle.gateway.GatewayServer;
import io.huddle.simulator.Simulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated contact centers, one per demo tenant, run in this process beside the gateway but
 * talking to it only over loopback HTTP through the Platform API, as a real one would. Owns them.
 */
final class DemoPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlatform.class);
    static final List<String> TENANTS = List.of("acme", "globex");

    private final List<Simulator> simulators = new ArrayList<>();

    /** Starts a simulated contact center for each demo tenant; each remembers its contacts under {@code dataDir}. */
    static DemoPlatform start(GatewayServer gateway, Path dataDir) {
        DemoPlatform demo = new DemoPlatform();
        URI base = URI.create(gateway.baseUrl());
        try {
            for (String tenant : TENANTS) {
                demo.simulators.add(Simulator.start(new Simulator.Options(base, tenant, "127.0.0.1", 0,
                        dataDir.resolve("simulator-" + tenant + ".json"), "demo".toCharArray()),
                        url -> gateway.connectPlatform(tenant, url)));
            }
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
        LOG.info("the demo's simulated contact centers run for {}", TENANTS);
        return demo;
    }

    @Override
    public void close() {
        for (Simulator s : simulators) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("a simulated contact center did not stop cleanly", e);
            }
        }
        simulators.clear();
    }
}
