package io.huddle.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.DomainException;
import io.huddle.domain.PlatformConnection;
import io.huddle.protocol.Json;
import io.huddle.protocol.platform.CallControlAnswer;
import io.huddle.protocol.platform.CallControlRequest;
import io.huddle.protocol.platform.PlatformSignature;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Controls against a real HTTP platform stand-in: confirmed, refused, timed out, retried, and the circuit. */
class PlatformCallsTest {
    private static final String SECRET = "whsec_calls_test";
    private final ObjectMapper json = Json.newMapper();
    private final MockWebServer platform = new MockWebServer();
    private PlatformCalls calls;

    @BeforeEach
    void start() throws Exception {
        platform.start();
        calls = new PlatformCalls(json, Clock.systemUTC(), PlatformCallSettings.defaults()
                .withTimeout(Duration.ofMillis(400)).withOpenFor(Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        calls.close();
        platform.close();
    }

    private PlatformConnection acme() {
        return new PlatformConnection("acme", platform.url("/controls").toString(), SECRET, Instant.now());
    }

    private static CallControlRequest monitor(String requestId) {
        return new CallControlRequest(requestId, CallControlRequest.Type.MONITOR, "acme", "c-1", "sup-1", "ag-1",
                null, null);
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = platform.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the platform").isNotNull();
        return r;
    }

    @Test
    void aConfirmedControlIsSignedAndNamesEverything() throws Exception {
        platform.enqueue(status(204, ""));
        assertThat(calls.send(acme(), monitor("rq-1"))).isEqualTo(CallControlAnswer.NONE);

        RecordedRequest r = take();
        byte[] body = r.getBody().toByteArray();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getHeaders().get("Huddle-Tenant")).isEqualTo("acme");
        assertThat(PlatformSignature.problem(r.getHeaders().get("Huddle-Signature"), SECRET, body, Instant.now()))
                .isNull();
        JsonNode sent = json.readTree(body);
        assertThat(sent.get("requestId").asText()).isEqualTo("rq-1");
        assertThat(sent.get("type").asText()).isEqualTo("monitor");
        assertThat(sent.get("interactionId").asText()).isEqualTo("c-1");
        assertThat(sent.get("supervisorId").asText()).isEqualTo("sup-1");
        assertThat(sent.get("agentId").asText()).isEqualTo("ag-1");
        assertThat(sent.has("text")).isFalse();
    }

    @Test
    void aViewMayTurnControlsOffWithThePlatformsReason() {
        platform.enqueue(status(200, "{\"capabilities\":{\"bargeIn\":{\"enabled\":false,"
                + "\"reason\":\"barge-in needs a conference bridge\"}}}"));
        CallControlAnswer a = calls.send(acme(), new CallControlRequest("rq-v", CallControlRequest.Type.VIEW, "acme",
                "c-1", "sup-1", "ag-1", null, null));
        assertThat(a.capabilities().get("bargeIn"))
                .isEqualTo(new CallControlAnswer.Capability(false, "barge-in needs a conference bridge"));
    }

    @Test
    void aGarbledAnswerToAViewLeavesThePolicyAsItIs() {
        platform.enqueue(status(200, "not json"));
        assertThat(calls.send(acme(), new CallControlRequest("rq-g", CallControlRequest.Type.VIEW, "acme", "c-1",
                "sup-1", "ag-1", null, null))).isEqualTo(CallControlAnswer.NONE);
    }

    @Test
    void aRefusalCarriesThePlatformsReasonAndIsNotRetried() throws Exception {
        platform.enqueue(status(409, "{\"error\":\"agent_busy\",\"message\":\"the agent is on hold\"}"));
        assertThatThrownBy(() -> calls.send(acme(), monitor("rq-2")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.PLATFORM_ERROR);
                    assertThat(e.getMessage()).contains("the agent is on hold").contains("HTTP 409");
                });
        assertThat(platform.getRequestCount()).isEqualTo(1);
        assertThat(calls.available("acme")).isTrue();
    }

    @Test
    void aServerErrorIsAPlatformErrorAndIsNotRetried() {
        platform.enqueue(status(500, "{\"error\":\"internal\",\"message\":\"bridge crashed\"}"));
        assertThatThrownBy(() -> calls.send(acme(), monitor("rq-3")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.PLATFORM_ERROR);
                    assertThat(e.getMessage()).contains("bridge crashed");
                });
        assertThat(platform.getRequestCount()).isEqualTo(1);
    }

    @Test
    void noAnswerInTimeIsATimeoutAndIsNotRetried() {
        platform.enqueue(new MockResponse.Builder().code(204).headersDelay(3, TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> calls.send(acme(), monitor("rq-4")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.PLATFORM_TIMEOUT);
                    assertThat(e.getMessage()).contains("400 ms");
                });
        assertThat(platform.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsRetriedWithTheSameRequestId() throws Exception {
        platform.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        platform.enqueue(status(204, ""));
        assertThat(calls.send(acme(), monitor("rq-5"))).isEqualTo(CallControlAnswer.NONE);
        String first = json.readTree(take().getBody().toByteArray()).get("requestId").asText();
        String second = json.readTree(take().getBody().toByteArray()).get("requestId").asText();
        assertThat(first).isEqualTo("rq-5").isEqualTo(second);
    }

    @Test
    void aDeadPlatformOpensItsCircuitAndLeavesOtherTenantsAlone() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        PlatformConnection dead = new PlatformConnection("globex", "http://127.0.0.1:" + deadPort + "/controls",
                SECRET, Instant.now());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> calls.send(dead, monitor("rq-d")))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.PLATFORM_UNAVAILABLE);
                        assertThat(e.getMessage()).contains("cannot connect");
                    });
        }
        assertThat(calls.available("globex")).isFalse();
        assertThatThrownBy(() -> calls.send(dead, monitor("rq-d2")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.getMessage()).contains("recent controls failed"));

        platform.enqueue(status(204, ""));
        assertThat(calls.send(acme(), monitor("rq-ok"))).isEqualTo(CallControlAnswer.NONE);
        assertThat(calls.available("acme")).isTrue();
    }

    @Test
    void aTenantsControlsInFlightAreBoundedAndTheNextIsRefusedAtOnce() throws Exception {
        calls.close();
        calls = new PlatformCalls(json, Clock.systemUTC(), PlatformCallSettings.defaults()
                .withTimeout(Duration.ofSeconds(5)).withMaxInFlight(2));
        for (int i = 0; i < 2; i++) {
            platform.enqueue(new MockResponse.Builder().code(204).headersDelay(1500, TimeUnit.MILLISECONDS).build());
        }
        CompletableFuture<CallControlAnswer> a = CompletableFuture.supplyAsync(() -> calls.send(acme(), monitor("a")));
        CompletableFuture<CallControlAnswer> b = CompletableFuture.supplyAsync(() -> calls.send(acme(), monitor("b")));
        take();
        take(); // both are at the platform, waiting for its answer

        long started = System.nanoTime();
        assertThatThrownBy(() -> calls.send(acme(), monitor("c")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.PLATFORM_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("already waiting");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(CallControlAnswer.NONE);
        assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo(CallControlAnswer.NONE);
    }

    @Test
    void aTenantWithoutAConnectionIsToldWhatIsMissing() {
        assertThatThrownBy(() -> calls.send(PlatformConnection.none("acme"), monitor("rq-n")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.PLATFORM_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("call-control URL and secret");
                });
    }

    @Test
    void theSecretNeverShowsInAConnectionsText() {
        assertThat(acme().toString()).doesNotContain(SECRET).contains("acme");
    }
}
