package io.huddle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.User;
import io.huddle.gateway.floor.Ids;
import io.huddle.gateway.stream.StreamHub;
import io.huddle.protocol.Json;
import io.huddle.testing.ContractHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A real gateway for tests: demo users seeded (password "demo"), no simulation, a free port, a real
 * SQLite file under the given directory, and a cheap PBKDF2 work factor. Interactions are created by the
 * test through {@link #startInteraction}, so every test controls its floor.
 */
public final class TestGateway implements AutoCloseable {
    public static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = Json.newMapper();

    private final Path dataDir;
    private final StreamHub.StreamSettings streamSettings;
    private GatewayServer server;
    private int stoppedPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private final java.util.function.UnaryOperator<GatewayConfig> tweak;

    private TestGateway(Path dataDir, StreamHub.StreamSettings streamSettings,
                        java.util.function.UnaryOperator<GatewayConfig> tweak) {
        this.dataDir = dataDir;
        this.streamSettings = streamSettings;
        this.tweak = tweak;
        this.server = GatewayServer.start(config(0));
    }

    private TestGateway(Path dataDir, StreamHub.StreamSettings streamSettings) {
        this(dataDir, streamSettings, c -> c);
    }

    /** A gateway whose configuration {@code tweak} changes (platform timeouts, for example). */
    public static TestGateway start(Path dataDir, java.util.function.UnaryOperator<GatewayConfig> tweak) {
        return new TestGateway(dataDir, new StreamHub.StreamSettings(Duration.ofSeconds(1), Duration.ofSeconds(30),
                10_000), tweak);
    }

    public static TestGateway start(Path dataDir) {
        return new TestGateway(dataDir, new StreamHub.StreamSettings(Duration.ofSeconds(1), Duration.ofSeconds(30),
                10_000));
    }

    public static TestGateway start(Path dataDir, StreamHub.StreamSettings streamSettings) {
        return new TestGateway(dataDir, streamSettings);
    }

    private GatewayConfig config(int port) {
        return tweak.apply(GatewayConfig.of("127.0.0.1", port, dataDir, true).withPasswordIterations(1_000)
                .withStream(streamSettings));
    }

    /** Stops and starts the gateway on the same port and data directory (a restart). */
    public void restart() {
        int port = server.port();
        server.close();
        server = GatewayServer.start(config(port));
    }

    /** Stops the gateway (as if it crashed or was shut down); {@link #startAgain()} brings it back. */
    public void stop() {
        stoppedPort = server.port();
        server.close();
    }

    /** Starts the stopped gateway again on the same port (a stopped server no longer knows its port). */
    public void startAgain() {
        server = GatewayServer.start(config(stoppedPort));
    }

    public GatewayServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public URI streamUri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/stream");
    }

    public User user(String tenant, String username) {
        return server.store().findUser(tenant, username).orElseThrow();
    }

    /** Signs in over HTTP and returns the bearer token. */
    public String signIn(String tenant, String username) {
        HttpResponse<String> r = call("POST", "/api/v1/sessions", null, "{\"tenant\":\"" + tenant
                + "\",\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.body());
        }
        return json(r.body()).get("token").asText();
    }

    /** Starts an active interaction handled by the given agent (tenant and domain taken from the agent). */
    public Interaction startInteraction(String tenant, String agentUsername, Channel channel) {
        User agent = user(tenant, agentUsername);
        Participant customer = new Participant("cust-" + Ids.next("c"), "Test Customer", Participant.Kind.CUSTOMER,
                null, null, server.floors().now());
        Participant agentP = new Participant(agent.id(), agent.displayName(), Participant.Kind.AGENT, null, null,
                server.floors().now());
        return server.platformSide().startInteraction(new Interaction(Ids.next("ix"), tenant, agent.domain(), channel,
                agent.id(), agent.displayName(), "Test Customer", "Billing", server.floors().now(),
                InteractionState.ACTIVE, false, List.of(customer, agentP), null));
    }

    /** Sends an HTTP request with an optional bearer token and JSON body, held to the OpenAPI document. */
    public HttpResponse<String> call(String method, String path, String token, String body) {
        return call(method, path, token, body, true);
    }

    /**
     * Sends a request a test makes wrong on purpose (bad JSON, a missing or wrong field): only its answer is held
     * to the OpenAPI document.
     */
    public HttpResponse<String> callMalformed(String method, String path, String token, String body) {
        return call(method, path, token, body, false);
    }

    private HttpResponse<String> call(String method, String path, String token, String body, boolean checkRequest) {
        return ContractHttp.send(http, ContractHttp.request(URI.create(baseUrl() + path), method, token, body).build(),
                body, checkRequest);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    public static Set<String> demoTenants() {
        return Set.of("acme", "globex");
    }

    @Override
    public void close() {
        server.close();
    }
}
