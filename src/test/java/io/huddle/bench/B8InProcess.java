package io.huddle.bench;

import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import io.huddle.gateway.floor.PlatformFact;
import io.huddle.gateway.store.GatewayDatabase;
import io.huddle.gateway.store.PostgresSettings;
import io.huddle.gateway.stream.StreamHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** B8's gateways as {@link GatewayServer}s in this process, given the platform's batches directly. */
final class B8InProcess implements B8Cluster {
    private final List<GatewayServer> gateways = new ArrayList<>();

    B8InProcess(int instances, PostgresSettings db, Path dir) throws Exception {
        try {
            for (int i = 0; i < instances; i++) {
                Path d = Files.createDirectories(dir.resolve("gw" + i));
                gateways.add(GatewayServer.start(new GatewayConfig("127.0.0.1", 0, d, false, 1_000,
                        new StreamHub.StreamSettings(Duration.ofSeconds(15), Duration.ofMinutes(2), 10_000),
                        Set.of(), GatewayConfig.PlatformSettings.defaults(),
                        GatewayConfig.ManagementSettings.off()).withDatabase(new GatewayDatabase.Postgres(db))));
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    @Override
    public String baseUrl(int i) {
        return gateways.get(i).baseUrl();
    }

    @Override
    public void apply(String tenant, List<PlatformFact.StateChanged> batch) {
        gateways.get(0).platformSide().applyPlatformFacts(tenant, List.copyOf(batch));
    }

    @Override
    public long gatewaysCpuNanos() {
        return BenchEnv.processCpuNanos();
    }

    @Override
    public String cpuNote() {
        return "the gateways' CPU is this process's: with the console sockets";
    }

    @Override
    public void close() {
        for (GatewayServer g : gateways) {
            g.close();
        }
    }
}
