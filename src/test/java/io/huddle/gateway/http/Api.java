package io.huddle.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.gateway.TestGateway;
import io.huddle.protocol.Json;
import io.huddle.testing.ContractHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real gateway plus the few helpers the REST tests share: users are named by their id
 * ({@code "acme:agent1"}), tokens are signed in once and cached, every answer is a {@link Res}.
 */
final class Api implements AutoCloseable {
    static final String V1 = "/api/v1";
    private static final ObjectMapper JSON = Json.newMapper();

    final TestGateway gw;
    private final Map<String, String> tokens;
    private final HttpClient client;
    /** False for a test's deliberately malformed requests: only the answers are checked against the contract. */
    private final boolean checkRequests;

    private Api(TestGateway gw) {
        this(gw, new ConcurrentHashMap<>(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), true);
    }

    private Api(TestGateway gw, Map<String, String> tokens, HttpClient client, boolean checkRequests) {
        this.gw = gw;
        this.tokens = tokens;
        this.client = client;
        this.checkRequests = checkRequests;
    }

    /**
     * The same gateway and signed-in users, for requests a test makes wrong on purpose (bad JSON, unknown fields
     * or routes, oversized bodies, bad query parameters): their requests are not held to the OpenAPI document,
     * their answers are.
     */
    Api malformed() {
        return new Api(gw, tokens, client, false);
    }

    static Api start(Path dir) {
        return new Api(TestGateway.start(dir));
    }

    static Api start(Path dir, java.util.function.UnaryOperator<io.huddle.gateway.GatewayConfig> tweak) {
        return new Api(TestGateway.start(dir, tweak));
    }

    /** An HTTP answer: status, body and the headers that tests look at. */
    record Res(int status, String body, String contentType, HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            return TestGateway.json(body);
        }

        String error() {
            return json().path("error").asText(null);
        }

        String message() {
            return json().path("message").asText(null);
        }

        /** Asserts the status (showing the body when it differs) and returns this answer. */
        Res expect(int expected) {
            assertThat(status).as("status of an answer with body %s", body).isEqualTo(expected);
            return this;
        }

        /** Asserts an error answer: status, JSON error code and a message containing each fragment. */
        Res expectError(int expected, String code, String... fragments) {
            expect(expected);
            assertThat(contentType).startsWith("application/json");
            assertThat(error()).isEqualTo(code);
            assertThat(message()).contains(fragments);
            return this;
        }
    }

    /** The cached bearer token of a user id such as {@code "acme:supervisor1"}. */
    String token(String who) {
        return tokens.computeIfAbsent(who, w -> {
            String[] parts = w.split(":", 2);
            return gw.signIn(parts[0], parts[1]);
        });
    }

    /** Forgets cached tokens (after a sign-out). */
    void forget(String who) {
        tokens.remove(who);
    }

    Res get(String path, String who) {
        return send("GET", path, who == null ? null : token(who), null, Map.of());
    }

    Res post(String path, String who, String body) {
        return send("POST", path, who == null ? null : token(who), body, Map.of());
    }

    Res put(String path, String who, String body) {
        return send("PUT", path, who == null ? null : token(who), body, Map.of());
    }

    Res send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder b = ContractHttp.request(URI.create(gw.baseUrl() + path), method, token, body);
        headers.forEach(b::header);
        HttpResponse<String> r = ContractHttp.send(client, b.build(), body, checkRequests);
        return new Res(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), r.headers());
    }

    /** A JSON object from alternating keys and values. */
    static String body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- the floor ------------------------------------------------------------------------------------

    /** A new active chat interaction of this agent (a user id such as {@code "acme:agent1"}). */
    String interaction(String agent) {
        return interaction(agent, Channel.CHAT);
    }

    String interaction(String agent, Channel channel) {
        String[] parts = agent.split(":", 2);
        Interaction i = gw.startInteraction(parts[0], parts[1], channel);
        return i.id();
    }

    void state(String tenant, String interactionId, InteractionState state) {
        gw.server().platformSide().changeState(tenant, interactionId, state);
    }

    Res raise(String agent, String interactionId) {
        return post(V1 + "/help-requests", agent, body("interactionId", interactionId, "reason", "Policy question",
                "comment", "refund over limit"));
    }

    /** Raises a help request that must succeed and returns its id. */
    String raised(String agent, String interactionId) {
        return raise(agent, interactionId).expect(201).json().get("id").asText();
    }

    Res accept(String supervisor, String requestId) {
        return post(V1 + "/help-requests/" + requestId + "/accept", supervisor, null);
    }

    Res act(String supervisor, String interactionId, String action) {
        return post(V1 + "/interactions/" + interactionId + "/actions", supervisor, body("action", action));
    }

    Res message(String supervisor, String interactionId, String text) {
        return post(V1 + "/interactions/" + interactionId + "/messages", supervisor, body("text", text));
    }

    @Override
    public void close() {
        gw.close();
    }
}
