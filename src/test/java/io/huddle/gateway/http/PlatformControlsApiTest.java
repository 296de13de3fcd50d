package io.huddle.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.platform.PlatformCallSettings;
import io.huddle.gateway.platform.PlatformIntake;
import io.huddle.gateway.stream.WsTestClient;
import io.huddle.protocol.platform.PlatformSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import io.huddle.testing.PlatformStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every supervisor control goes to the platform first: a real HTTP platform stand-in confirms, refuses,
 * stalls or is gone, and the gateway's state changes only on its yes.
 */
class PlatformControlsApiTest {
    private static final String SUP = "acme:supervisor1";

    @TempDir
    Path dir;
    private Api api;
    private final PlatformStandIn platform = new PlatformStandIn("acme");
    private String secret;
    private String callId;

    @BeforeEach
    void start() throws Exception {
        api = Api.start(dir, c -> c.withPlatform(new GatewayConfig.PlatformSettings(PlatformCallSettings.defaults()
                .withTimeout(Duration.ofMillis(500)).withOpenFor(Duration.ofSeconds(60)),
                PlatformIntake.EVENTS_PER_SECOND)));
        secret = api.post(Api.V1 + "/tenant/platform/secret", "acme:admin1", null).expect(201).json().get("secret")
                .asText();
        platform.secret(secret);
        api.put(Api.V1 + "/tenant/platform", "acme:admin1",
                Api.body("callControlUrl", platform.url().toString())).expect(200);
        String events = "{\"events\":[{\"id\":\"e1\",\"type\":\"interaction.started\",\"at\":\"2026-12-06T10:00:00Z\","
                + "\"interactionId\":\"CA-7\",\"channel\":\"VOICE\",\"agentId\":\"agent1\",\"customerName\":\"Ada\","
                + "\"queue\":\"Billing\"}]}";
        api.send("POST", Api.V1 + "/platform/events", null, events, Map.of("Huddle-Tenant", "acme",
                "Huddle-Signature", PlatformSignature.header(secret, Instant.now(),
                        events.getBytes(StandardCharsets.UTF_8)))).expect(200);
        JsonNode items = api.get(Api.V1 + "/interactions", SUP).expect(200).json().get("items");
        callId = items.get(0).get("id").asText();
        assertThat(items.get(0).get("platformId").asText()).isEqualTo("CA-7");
    }

    @AfterEach
    void stop() {
        api.close();
        platform.close();
    }

    private JsonNode nextControl() throws InterruptedException {
        return platform.next();
    }


    private List<JsonNode> participants() {
        JsonNode p = api.get(Api.V1 + "/interactions/" + callId, SUP).expect(200).json().get("participants");
        return java.util.stream.StreamSupport.stream(p.spliterator(), false).toList();
    }

    private int actionsOnCall() {
        return api.get(Api.V1 + "/actions?interactionId=" + callId, "acme:auditor1").expect(200).json()
                .get("items").size();
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aConfirmedMonitorIsRecordedWithThePlatformsIds() throws Exception {
        api.act(SUP, callId, "MONITOR").expect(201);
        JsonNode c = nextControl();
        assertThat(c.get("type").asText()).isEqualTo("monitor");
        assertThat(c.get("tenant").asText()).isEqualTo("acme");
        assertThat(c.get("interactionId").asText()).isEqualTo("CA-7");
        assertThat(c.get("supervisorId").asText()).isEqualTo("supervisor1");
        assertThat(c.get("agentId").asText()).isEqualTo("agent1");
        assertThat(c.get("requestId").asText()).isNotBlank();
        assertThat(participants()).anyMatch(p -> p.get("mode").asText("").equals("MONITOR"));
        assertThat(actionsOnCall()).isEqualTo(1);

        api.act(SUP, callId, "DISCONNECT").expect(201);
        assertThat(nextControl().get("type").asText()).isEqualTo("disconnect");
        assertThat(participants()).noneMatch(p -> p.get("kind").asText().equals("SUPERVISOR"));
    }

    @Test
    void aRefusalIsA502WithThePlatformsReasonAndChangesNothing() throws Exception {
        platform.answer(c -> status(409, "{\"error\":\"no_bridge\",\"message\":\"the conference bridge is full\"}"));
        api.act(SUP, callId, "MONITOR").expectError(502, "platform_error", "the conference bridge is full");
        nextControl();
        assertThat(participants()).noneMatch(p -> p.get("kind").asText().equals("SUPERVISOR"));
        assertThat(actionsOnCall()).isZero();
    }

    @Test
    void aPlatformThatDoesNotAnswerIsA504AndChangesNothing() throws Exception {
        platform.answer(c -> new MockResponse.Builder().code(204).headersDelay(3, TimeUnit.SECONDS).build());
        api.act(SUP, callId, "MONITOR").expectError(504, "platform_timeout", "500 ms");
        assertThat(actionsOnCall()).isZero();
    }

    @Test
    void aGonePlatformIs503AndThenItsControlsSaySo() throws Exception {
        platform.close();
        for (int i = 0; i < 5; i++) {
            api.act(SUP, callId, "MONITOR").expectError(503, "platform_unavailable", "platform unavailable");
        }
        JsonNode controls = api.get(Api.V1 + "/interactions/" + callId + "/controls", SUP).expect(200).json();
        assertThat(controls.get("monitor").get("enabled").asBoolean()).isFalse();
        assertThat(controls.get("monitor").get("reason").asText()).contains("platform unavailable");
        assertThat(actionsOnCall()).isZero();
    }

    @Test
    void aCoachMessageGoesToThePlatformWithItsAudience() throws Exception {
        api.act(SUP, callId, "COACH").expect(201);
        nextControl();
        api.message(SUP, callId, "Offer the refund").expect(201);
        JsonNode m = nextControl();
        assertThat(m.get("type").asText()).isEqualTo("message");
        assertThat(m.get("text").asText()).isEqualTo("Offer the refund");
        assertThat(m.get("audience").asText()).isEqualTo("AGENT");

        platform.answer(c -> status(503, "{\"error\":\"busy\",\"message\":\"chat service restarting\"}"));
        api.message(SUP, callId, "Second thought").expectError(502, "platform_error", "chat service restarting");
        JsonNode transcript = api.get(Api.V1 + "/interactions/" + callId + "/transcript", SUP).expect(200).json()
                .get("items");
        assertThat(transcript.toString()).contains("Offer the refund").doesNotContain("Second thought");
    }

    @Test
    void aViewTellsThePlatformAndItsAnswerTurnsAControlOff() throws Exception {
        platform.answer(c -> c.get("type").asText().equals("view")
                ? status(200, "{\"capabilities\":{\"bargeIn\":{\"enabled\":false,\"reason\":\"no conference on this trunk\"}}}")
                : new MockResponse.Builder().code(204).build());
        try (WsTestClient ws = WsTestClient.connect(api.gw.streamUri(), api.token(SUP))) {
            ws.hello();
            JsonNode ack = ws.command("view", "interactionId", callId);
            JsonNode barge = ack.get("result").get("controls").get("bargeIn");
            assertThat(barge.get("enabled").asBoolean()).isFalse();
            assertThat(barge.get("reason").asText()).contains("no conference on this trunk");
            assertThat(ack.get("result").get("controls").get("monitor").get("enabled").asBoolean()).isTrue();
        }
        JsonNode view = nextControl();
        assertThat(view.get("type").asText()).isEqualTo("view");
        assertThat(view.get("supervisorId").asText()).isEqualTo("supervisor1");
        api.act(SUP, callId, "BARGE_IN").expectError(409, "conflict", "no conference on this trunk");
        assertThat(platform.nothingReceived()).as("nothing more reached the platform").isTrue();
    }
}
