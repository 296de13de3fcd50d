package io.huddle.bench;

import io.huddle.client.GatewayClient;
import io.huddle.gateway.floor.PlatformFact;
import io.huddle.gateway.store.PostgresSettings;
import io.huddle.protocol.Json;
import io.huddle.protocol.platform.PlatformSignature;
import io.huddle.testing.GatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * B8's gateways as {@code huddle gateway} processes of their own (as deployed: their own heap and collector), the
 * platform's batches posted to the first one's Platform API, signed, as a contact center would.
 */
final class B8Processes implements B8Cluster {
    private final List<GatewayProcess> gateways = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String secret;

    B8Processes(int instances, PostgresSettings db, Path dir, String tenant, String admin, char[] password)
            throws Exception {
        try {
            for (int i = 0; i < instances; i++) {
                String url = db.jdbcUrl().substring("jdbc:".length()); // huddle gateway --db postgresql://...
                GatewayProcess g = new GatewayProcess(GatewayProcess.freePort(),
                        Files.createDirectories(dir.resolve("gw" + i)), url, db.user(), db.password(), false,
                        List.of("-Xmx1g"));
                gateways.add(g);
                g.start(Duration.ofSeconds(90));
            }
            String token = GatewayClient.signIn(URI.create(baseUrl(0)), tenant, admin, password).token();
            send(HttpRequest.newBuilder(URI.create(baseUrl(0) + "/api/v1/tenant/platform"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"callControlUrl\":\"http://127.0.0.1:9/controls\"}")),
                    200);
            String made = send(HttpRequest.newBuilder(URI.create(baseUrl(0) + "/api/v1/tenant/platform/secret"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()), 201);
            secret = Json.newMapper().readTree(made).get("secret").asText();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri().getPath() + " answered "
                    + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @Override
    public String baseUrl(int i) {
        return "http://127.0.0.1:" + gateways.get(i).port();
    }

    @Override
    public void apply(String tenant, List<PlatformFact.StateChanged> batch) throws Exception {
        StringBuilder body = new StringBuilder(batch.size() * 140).append("{\"events\":[");
        for (int k = 0; k < batch.size(); k++) {
            PlatformFact.StateChanged e = batch.get(k);
            body.append(k == 0 ? "" : ",").append("{\"id\":\"").append(e.eventId())
                    .append("\",\"type\":\"interaction.state_changed\",\"at\":\"").append(Json.format(e.at()))
                    .append("\",\"interactionId\":\"").append(e.platformInteractionId())
                    .append("\",\"state\":\"").append(e.state().name()).append("\"}");
        }
        byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        send(HttpRequest.newBuilder(URI.create(baseUrl(0) + "/api/v1/platform/events"))
                .header("Content-Type", "application/json").header("Huddle-Tenant", tenant)
                .header("Huddle-Signature", PlatformSignature.header(secret, Instant.now(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), 200);
    }

    @Override
    public long gatewaysCpuNanos() {
        long ticks = 0;
        for (GatewayProcess g : gateways) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(g.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException | RuntimeException gone) {
                // not running
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    @Override
    public String cpuNote() {
        return "the gateways' CPU is their processes' (the console sockets are in the benchmark's process)";
    }

    @Override
    public void close() throws Exception {
        for (GatewayProcess g : gateways) {
            g.close();
        }
    }
}
