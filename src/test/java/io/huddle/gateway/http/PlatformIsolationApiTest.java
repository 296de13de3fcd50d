package io.huddle.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.platform.PlatformCallSettings;
import io.huddle.gateway.platform.PlatformIntake;
import io.huddle.protocol.platform.PlatformSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misbehaving platform harms nobody else: while acme's platform sits on a control, globex's supervisors
 * act, acme's supervisors read, and acme's platform's events are taken, each without waiting for it (acme's
 * own controls do wait for acme's platform, up to its deadline and its bulkhead).
 */
class PlatformIsolationApiTest {
    @TempDir
    Path dir;
    private Api api;
    private final MockWebServer slow = new MockWebServer();
    private final MockWebServer healthy = new MockWebServer();
    private final CountDownLatch slowReached = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        slow.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                slowReached.countDown();
                release.await(20, TimeUnit.SECONDS); // a platform that sits on the control
                return new MockResponse.Builder().code(204).build();
            }
        });
        healthy.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return new MockResponse.Builder().code(204).build();
            }
        });
        slow.start();
        healthy.start();
        api = Api.start(dir, c -> c.withPlatform(new GatewayConfig.PlatformSettings(PlatformCallSettings.defaults()
                .withTimeout(Duration.ofSeconds(15)), PlatformIntake.EVENTS_PER_SECOND)));
        connect("acme", slow);
        connect("globex", healthy);
    }

    @AfterEach
    void stop() {
        release.countDown();
        api.close();
        slow.close();
        healthy.close();
    }

    private void connect(String tenant, MockWebServer platform) {
        String admin = tenant + ":admin1";
        secrets.put(tenant, api.post(Api.V1 + "/tenant/platform/secret", admin, null).expect(201).json()
                .get("secret").asText());
        api.put(Api.V1 + "/tenant/platform", admin, Api.body("callControlUrl", platform.url("/c").toString()))
                .expect(200);
        events(tenant, "{\"id\":\"s1\",\"type\":\"interaction.started\",\"at\":\"2026-12-06T10:00:00Z\","
                + "\"interactionId\":\"CALL-1\",\"channel\":\"VOICE\",\"agentId\":\"agent1\",\"customerName\":\"Ada\","
                + "\"queue\":\"Billing\"}").expect(200);
    }

    private Api.Res events(String tenant, String... events) {
        String body = "{\"events\":[" + String.join(",", events) + "]}";
        return api.send("POST", Api.V1 + "/platform/events", null, body, Map.of("Huddle-Tenant", tenant,
                "Huddle-Signature", PlatformSignature.header(secrets.get(tenant), Instant.now(),
                        body.getBytes(StandardCharsets.UTF_8))));
    }

    private String call(String tenant) {
        return api.get(Api.V1 + "/interactions", tenant + ":supervisor1").expect(200).json().get("items").get(0)
                .get("id").asText();
    }

    private static long millis(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
    }

    @Test
    void aSlowPlatformHoldsOnlyItsOwnControl() throws Exception {
        String acmeCall = call("acme");
        String globexCall = call("globex");
        CompletableFuture<Api.Res> stuck = CompletableFuture.supplyAsync(() -> api.act("acme:supervisor1", acmeCall,
                "MONITOR"));
        assertThat(slowReached.await(10, TimeUnit.SECONDS)).as("acme's control is at its platform").isTrue();

        // the held control would make any of these wait 20 s if they shared a lock, a thread or a queue with it
        long otherTenant = millis(() -> api.act("globex:supervisor1", globexCall, "MONITOR").expect(201));
        long sameTenantRead = millis(() -> api.get(Api.V1 + "/interactions/" + acmeCall, "acme:supervisor2")
                .expect(200));
        long sameTenantControls = millis(() -> api.get(Api.V1 + "/interactions/" + acmeCall + "/controls",
                "acme:supervisor2").expect(200));
        long intake = millis(() -> events("acme", "{\"id\":\"s2\",\"type\":\"transcript.line\",\"at\":\""
                + Instant.now() + "\",\"interactionId\":\"CALL-1\",\"speaker\":\"CUSTOMER\",\"text\":\"Hello?\"}")
                .expect(200));
        assertThat(stuck).as("acme supervisor1's control still waits for its platform").isNotDone();
        assertThat(java.util.List.of(otherTenant, sameTenantRead, sameTenantControls, intake))
                .as("globex's control, acme's reads and acme's events, in ms")
                .allSatisfy(ms -> assertThat(ms).isLessThan(5_000L));

        release.countDown();
        assertThat(stuck.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    }
}
