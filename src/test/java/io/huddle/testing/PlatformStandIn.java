package io.huddle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.Json;
import io.huddle.protocol.RequestId;
import io.huddle.protocol.platform.PlatformSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A contact-center platform's call-control endpoint for tests, on a real HTTP server: it checks the tenant and
 * the signature of every control (401 otherwise), records the controls it accepted, and answers each as the
 * test says (204 by default).
 */
public final class PlatformStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = Json.newMapper();

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final Map<String, String> requestIdHeaders = new ConcurrentHashMap<>();
    /** How the controls received broke the OpenAPI document's callControl webhook; none, or next() fails. */
    private final List<String> contractBreaks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String tenant;
    private volatile String secret;
    private volatile Function<JsonNode, MockResponse> answer = c -> new MockResponse.Builder().code(204).build();

    public PlatformStandIn(String tenant) {
        this.tenant = tenant;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                byte[] body = r.getBody().toByteArray();
                String problem = secret == null ? "no secret yet" : PlatformSignature.problem(
                        r.getHeaders().get(PlatformSignature.SIGNATURE_HEADER), secret, body, Instant.now());
                if (problem != null || !PlatformStandIn.this.tenant.equals(
                        r.getHeaders().get(PlatformSignature.TENANT_HEADER))) {
                    return new MockResponse.Builder().code(401).body("{\"error\":\"bad_signature\"}").build();
                }
                List<String> problems = OpenApiContract.shared().webhookRequestProblems("callControl", r.getMethod(),
                        r.getHeaders().get("Content-Type"), new String(body, StandardCharsets.UTF_8));
                if (!problems.isEmpty()) {
                    contractBreaks.addAll(problems);
                    return new MockResponse.Builder().code(400).body("{\"error\":\"contract\"}").build();
                }
                JsonNode control;
                try {
                    control = JSON.readTree(body);
                } catch (IOException e) {
                    return new MockResponse.Builder().code(400).build();
                }
                String header = r.getHeaders().get(RequestId.HEADER);
                if (header != null && control.hasNonNull("requestId")) {
                    requestIdHeaders.put(control.get("requestId").asText(), header);
                }
                received.add(control);
                return answer.apply(control);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the platform stand-in could not start", e);
        }
    }

    /** The URL of its call-control endpoint. */
    public URI url() {
        return URI.create(server.url("/controls").toString());
    }

    /** The secret the gateway signs with (set once the tenant has one). */
    public void secret(String s) {
        secret = s;
    }

    /** How the next controls are answered. */
    public void answer(Function<JsonNode, MockResponse> a) {
        answer = a;
    }

    /** The next control accepted, within 5 s; fails when none came. */
    public JsonNode next() throws InterruptedException {
        keptToContract();
        JsonNode c = received.poll(5, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no control reached the platform");
        }
        return c;
    }

    /** The next accepted control of this type, skipping others, within 10 s each. */
    public JsonNode next(String type) throws InterruptedException {
        keptToContract();
        for (JsonNode c = received.poll(10, TimeUnit.SECONDS); c != null; c = received.poll(10, TimeUnit.SECONDS)) {
            if (c.get("type").asText().equals(type)) {
                return c;
            }
        }
        throw new AssertionError("no " + type + " reached the platform");
    }

    /** Fails when a control the gateway sent disagreed with the OpenAPI document's callControl webhook. */
    public void keptToContract() {
        if (!contractBreaks.isEmpty()) {
            throw new AssertionError("the gateway's controls disagree with the OpenAPI document's callControl"
                    + " webhook:\n  - " + String.join("\n  - ", contractBreaks));
        }
    }

    /** The X-Request-Id header that came with an accepted control, or null. */
    public String requestIdHeader(JsonNode control) {
        return requestIdHeaders.get(control.get("requestId").asText());
    }

    public boolean nothingReceived() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            keptToContract(); // also the controls no test read with next()
        }
    }
}
