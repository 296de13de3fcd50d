package io.huddle.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.TestGateway;
import io.huddle.gateway.platform.PlatformCallSettings;
import io.huddle.gateway.platform.PlatformIntake;
import io.huddle.gateway.stream.WsTestClient;
import io.huddle.protocol.Json;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalChains;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.platform.PlatformSignature;
import io.huddle.testing.MutableClock;
import io.huddle.testing.PlatformStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway with its management port: what an operator's Prometheus would scrape changes after real sign-ins,
 * streams, commands, platform events and calls, and journal uploads; the health checks answer for the store.
 */
class ManagementPortTest {
    private static final String SUP = "supervisor1";

    @TempDir
    Path dir;
    private TestGateway gw;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir, c -> c.withManagement(GatewayConfig.ManagementSettings.on("127.0.0.1", 0)));
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private String management(String path) {
        return "http://127.0.0.1:" + gw.server().managementAddress().orElseThrow().getPort() + path;
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Scrapes scrape() {
        HttpResponse<String> r = get(management("/metrics"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return Scrapes.parse(r.body());
    }

    private HttpResponse<String> postPlatformEvents(String secret, String events) {
        byte[] body = events.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/api/v1/platform/events"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header(PlatformSignature.TENANT_HEADER, "acme")
                .header(PlatformSignature.SIGNATURE_HEADER, PlatformSignature.header(secret, Instant.now(), body))
                .build());
    }

    /** Connects acme to the platform stand-in, which starts a call of agent1; answers the call's id. */
    private String startCall(PlatformStandIn platform, WsTestClient ws) {
        String secret = gw.server().connectPlatform("acme", platform.url());
        platform.secret(secret);
        HttpResponse<String> taken = postPlatformEvents(secret, "{\"events\":[{\"id\":\"e1\","
                + "\"type\":\"interaction.started\",\"at\":\"2026-12-06T10:00:00Z\",\"interactionId\":\"CA-7\","
                + "\"channel\":\"VOICE\",\"agentId\":\"agent1\",\"customerName\":\"Ada\",\"queue\":\"Billing\"}]}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        JsonNode started = ws.awaitFrame(f -> "CA-7".equals(f.path("interaction").path("platformId").asText()),
                WsTestClient.WAIT);
        return started.path("interaction").path("id").asText();
    }

    @Test
    void breachedHelpRequestsAreCountedPerTenantOnceTheyWaitPastTheServiceLevel() throws Exception {
        gw.close(); // this one runs on a clock the test moves
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        gw = TestGateway.start(dir.resolve("clocked"), c -> c.withManagement(
                GatewayConfig.ManagementSettings.on("127.0.0.1", 0)).withClock(clock));
        assertThat(scrape().value("huddle_help_requests_breached", "tenant", "acme")).isZero();

        String callId = gw.startInteraction("acme", "agent1", io.huddle.domain.Channel.VOICE).id();
        HttpResponse<String> raised = gw.call("POST", "/api/v1/help-requests", gw.signIn("acme", "agent1"),
                "{\"interactionId\":\"" + callId + "\",\"reason\":\"Policy question\"}");
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        String id = Json.newMapper().readTree(raised.body()).path("id").asText();
        clock.advance(Duration.ofSeconds(59)); // acceptWithin is 60 s by default
        Scrapes waiting = scrape();
        assertThat(waiting.value("huddle_help_requests_pending")).isEqualTo(1);
        assertThat(waiting.value("huddle_help_requests_breached", "tenant", "acme")).isZero();

        clock.advance(Duration.ofSeconds(1));
        Scrapes late = scrape();
        assertThat(late.value("huddle_help_requests_breached", "tenant", "acme")).isEqualTo(1);
        assertThat(late.value("huddle_help_requests_breached", "tenant", "globex")).isZero();

        HttpResponse<String> accepted = gw.call("POST", "/api/v1/help-requests/" + id + "/accept",
                gw.signIn("acme", SUP), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(scrape().value("huddle_help_requests_breached", "tenant", "acme")).isZero();
    }

    @Test
    void namedSeriesChangeAfterRealActions() throws Exception {
        Scrapes before = scrape();
        assertThat(before.has("jvm_memory_used_bytes")).isTrue();
        assertThat(before.has("jvm_gc_pause_seconds_count") || before.has("jvm_gc_memory_allocated_bytes_total"))
                .isTrue();

        // a sign-in: timed by route template and status
        String token = gw.signIn("acme", SUP);
        Scrapes signedIn = scrape();
        assertThat(signedIn.value("http_server_requests_seconds_count", "method", "POST", "uri",
                "/api/v1/sessions", "status", "201", "outcome", "SUCCESS"))
                .isEqualTo(before.value("http_server_requests_seconds_count", "uri", "/api/v1/sessions",
                        "status", "201") + 1);

        try (PlatformStandIn platform = new PlatformStandIn("acme");
             WsTestClient ws = WsTestClient.connect(gw.streamUri(), token)) {
            ws.hello();
            ws.awaitType("snapshot");
            assertThat(scrape().value("huddle_streams_open", "tenant", "acme"))
                    .isEqualTo(before.value("huddle_streams_open", "tenant", "acme") + 1);

            // a platform event: counted in, its frame counted out with its fan-out delay
            String callId = startCall(platform, ws);
            assertThat(scrape().value("huddle_platform_events_received_total", "result", "applied"))
                    .isEqualTo(before.value("huddle_platform_events_received_total", "result", "applied") + 1);
            double sentBefore = before.value("huddle_stream_events_sent_total");
            double delaysBefore = before.value("huddle_stream_fanout_delay_seconds_count");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> { // recorded just after the socket write
                Scrapes s = scrape();
                assertThat(s.value("huddle_stream_events_sent_total")).isGreaterThan(sentBefore);
                assertThat(s.value("huddle_stream_fanout_delay_seconds_count")).isGreaterThan(delaysBefore);
            });
            assertThat(scrape().has("huddle_stream_fanout_delay_seconds_bucket")).isTrue();

            // a command that asks the platform: its latency by type, the platform call by tenant and the circuit
            JsonNode ack = ws.command("view", "interactionId", callId);
            assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
            assertThat(platform.next().path("type").asText()).isEqualTo("view");
            Scrapes viewed = scrape();
            assertThat(viewed.value("huddle_stream_commands_seconds_count", "type", "view", "outcome", "ok"))
                    .isEqualTo(1);
            assertThat(viewed.has("huddle_stream_commands_seconds_bucket")).isTrue();
            assertThat(viewed.value("huddle_platform_calls_seconds_count", "tenant", "acme", "outcome", "ok"))
                    .isEqualTo(1);
            assertThat(viewed.value("resilience4j_circuitbreaker_state", "name", "acme", "state", "closed"))
                    .isEqualTo(1);
            JsonNode refused = ws.command("view", "interactionId", "ix-none");
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(scrape().value("huddle_stream_commands_seconds_count", "type", "view", "outcome",
                    "not_found")).isEqualTo(1);

            // a help request waits for a supervisor
            HttpResponse<String> raised = gw.call("POST", "/api/v1/help-requests", gw.signIn("acme", "agent1"),
                    "{\"interactionId\":\"" + callId + "\",\"reason\":\"Policy question\",\"comment\":\"refund\"}");
            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
            assertThat(scrape().value("huddle_help_requests_pending"))
                    .isEqualTo(before.value("huddle_help_requests_pending") + 1);

            // the route template labels a request, never the raw path
            assertThat(gw.call("GET", "/api/v1/interactions/" + callId, token, null).statusCode()).isEqualTo(200);
            Scrapes read = scrape();
            assertThat(read.value("http_server_requests_seconds_count", "uri", "/api/v1/interactions/{id}",
                    "status", "200")).isEqualTo(1);
            assertThat(read.labelValues("http_server_requests_seconds_count", "uri")).noneMatch(u -> u.contains(callId));
            assertThat(OperationsDoc.undocumented(read.series().keySet())).isEmpty();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> // the gateway sees the socket close
                assertThat(scrape().value("huddle_streams_open", "tenant", "acme"))
                        .isEqualTo(before.value("huddle_streams_open", "tenant", "acme")));
    }

    @Test
    void platformCallErrorsAndTheOpenCircuitAreShownPerTenant() throws Exception {
        gw.close();
        gw = TestGateway.start(dir.resolve("failing"), c -> c
                .withManagement(GatewayConfig.ManagementSettings.on("127.0.0.1", 0))
                .withPlatform(new GatewayConfig.PlatformSettings(new PlatformCallSettings(Duration.ofSeconds(2), 16, 0,
                        50, 2, 2, Duration.ofMinutes(5)), PlatformIntake.EVENTS_PER_SECOND)));
        try (PlatformStandIn platform = new PlatformStandIn("acme");
             WsTestClient ws = WsTestClient.connect(gw.streamUri(), gw.signIn("acme", SUP))) {
            ws.hello();
            ws.awaitType("snapshot");
            String callId = startCall(platform, ws);
            platform.answer(control -> new MockResponse.Builder().code(503).build());
            for (int i = 0; i < 3; i++) { // two failures open the circuit; the third is not sent
                ws.command("action", "interactionId", callId, "action", "monitor");
            }
            assertThat(platform.next().path("type").asText()).isEqualTo("monitor");
            assertThat(platform.next().path("type").asText()).isEqualTo("monitor");
            assertThat(platform.nothingReceived()).isTrue();
        }
        Scrapes s = scrape();
        assertThat(s.value("huddle_platform_calls_seconds_count", "tenant", "acme", "outcome", "failed")).isEqualTo(2);
        assertThat(s.value("huddle_platform_calls_seconds_count", "tenant", "acme", "outcome", "circuit_open"))
                .isEqualTo(1);
        assertThat(s.value("huddle_platform_calls_seconds_count", "tenant", "acme", "outcome", "ok")).isZero();
        assertThat(s.value("resilience4j_circuitbreaker_state", "name", "acme", "state", "open")).isEqualTo(1);
        assertThat(s.value("resilience4j_circuitbreaker_not_permitted_calls_total", "name", "acme")).isEqualTo(1);
        assertThat(s.value("huddle_stream_commands_seconds_count", "type", "action", "outcome", "platform_error"))
                .isEqualTo(2);
        assertThat(s.value("huddle_stream_commands_seconds_count", "type", "action", "outcome",
                "platform_unavailable")).isEqualTo(1);
    }

    @Test
    void journalUploadsAreCountedByResult() throws Exception {
        String token = gw.signIn("acme", SUP);
        List<JournalEntry> entries = JournalChains.chain("dev-1", gw.user("acme", SUP).id(), 1, 3,
                JournalEntry.GENESIS);
        String batch = Json.newMapper().writeValueAsString(new JournalBatch("dev-1", entries));
        assertThat(gw.call("POST", "/api/v1/journal/batches", token, batch).statusCode()).isEqualTo(200);
        assertThat(gw.call("POST", "/api/v1/journal/batches", token, batch).statusCode()).isEqualTo(200);
        String gap = Json.newMapper().writeValueAsString(new JournalBatch("dev-1",
                JournalChains.chain("dev-1", gw.user("acme", SUP).id(), 9, 1, "ab".repeat(32))));
        assertThat(gw.call("POST", "/api/v1/journal/batches", token, gap).statusCode()).isEqualTo(409);

        Scrapes s = scrape();
        assertThat(s.value("huddle_journal_uploads_total", "result", "stored")).isEqualTo(1);
        assertThat(s.value("huddle_journal_uploads_total", "result", "duplicate")).isEqualTo(1);
        assertThat(s.value("huddle_journal_uploads_total", "result", "refused")).isEqualTo(1);
        assertThat(s.value("huddle_journal_entries_stored_total")).isEqualTo(3);
        assertThat(OperationsDoc.undocumented(s.series().keySet())).isEmpty();
    }

    @Test
    void readyWhileTheStoreAnswersAtTheLatestSchema() throws Exception {
        HttpResponse<String> ready = get(management("/health/ready"));
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(TestGateway.json(ready.body()).get("status").asText()).isEqualTo("UP");

        // an older schema (as if the migrations had not run) is not ready
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gateway.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 1");
            HttpResponse<String> old = get(management("/health/ready"));
            assertThat(old.statusCode()).isEqualTo(503);
            assertThat(TestGateway.json(old.body()).get("detail").asText()).contains("version 1 of");
            s.execute("PRAGMA user_version = " + gw.server().store().schemaVersion().latest());
        }
        assertThat(get(management("/health/ready")).statusCode()).isEqualTo(200);

        gw.server().store().close();
        HttpResponse<String> closed = get(management("/health/ready"));
        assertThat(closed.statusCode()).isEqualTo(503);
        assertThat(TestGateway.json(closed.body()).get("status").asText()).isEqualTo("DOWN");
        HttpResponse<String> live = get(management("/health/live"));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(TestGateway.json(live.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void managementPathsAreNotOnThePublicPortAndOnlyThemOnTheirs() {
        assertThat(get(gw.baseUrl() + "/metrics").statusCode()).isEqualTo(404);
        assertThat(get(gw.baseUrl() + "/health/ready").statusCode()).isEqualTo(404);
        assertThat(get(management("/api/v1/version")).statusCode()).isEqualTo(404);
        assertThat(get(management("/metrics/x")).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(management("/metrics")))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(405);
        assertThat(get(gw.baseUrl() + "/api/v1/interactions/ix-1").statusCode()).isEqualTo(401);
        Scrapes s = scrape();
        assertThat(s.value("http_server_requests_seconds_count", "uri", HttpMetrics.UNMATCHED, "status", "404"))
                .isEqualTo(2);
        assertThat(s.value("http_server_requests_seconds_count", "uri", "/api/v1/interactions/{id}", "status", "401"))
                .as("refused before its route ran, still named by its route").isEqualTo(1);
    }

    @Test
    void aGatewayWithoutAManagementPortServesNone() {
        try (TestGateway plain = TestGateway.start(dir.resolve("plain"))) {
            assertThat(plain.server().managementAddress()).isEmpty();
        }
    }
}
