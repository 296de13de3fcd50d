package io.huddle.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.protocol.platform.PlatformSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Platform API's inbound side over real HTTP: signatures, exactly once, order, atomic batches, bad input. */
class PlatformEventsApiTest extends ApiTest {
    private static final String ADMIN = "acme:admin1";
    private static final String EVENTS = Api.V1 + "/platform/events";
    private String secret;

    @BeforeEach
    void connect() {
        secret = api.post(Api.V1 + "/tenant/platform/secret", ADMIN, null).expect(201).json().get("secret").asText();
    }

    private Api.Res send(String tenant, String secretToUse, Instant at, String body) {
        return send(api, tenant, secretToUse, at, body);
    }

    private static Api.Res send(Api via, String tenant, String secretToUse, Instant at, String body) {
        String header = PlatformSignature.header(secretToUse, at, body.getBytes(StandardCharsets.UTF_8));
        return via.send("POST", EVENTS, null, body, Map.of("Huddle-Tenant", tenant, "Huddle-Signature", header));
    }

    private Api.Res send(String body) {
        return send("acme", secret, Instant.now(), body);
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static String started(String id, String call, String agent) {
        return "{\"id\":\"" + id + "\",\"type\":\"interaction.started\",\"at\":\"2026-12-06T10:00:00.000Z\","
                + "\"interactionId\":\"" + call + "\",\"channel\":\"VOICE\",\"agentId\":\"" + agent + "\","
                + "\"customerName\":\"Ada Lovelace\",\"queue\":\"Billing\"}";
    }

    private static String state(String id, String call, String state, String at) {
        return "{\"id\":\"" + id + "\",\"type\":\"interaction.state_changed\",\"at\":\"" + at + "\","
                + "\"interactionId\":\"" + call + "\",\"state\":\"" + state + "\"}";
    }

    private static String line(String id, String call, String text) {
        return "{\"id\":\"" + id + "\",\"type\":\"transcript.line\",\"at\":\"2026-12-06T10:00:05.000Z\","
                + "\"interactionId\":\"" + call + "\",\"speaker\":\"CUSTOMER\",\"text\":\"" + text + "\"}";
    }

    private static String ended(String id, String call) {
        return "{\"id\":\"" + id + "\",\"type\":\"interaction.ended\",\"at\":\"2026-12-06T10:09:00.000Z\","
                + "\"interactionId\":\"" + call + "\"}";
    }

    private static void outcome(Api.Res r, int applied, int duplicates, int ignored) {
        JsonNode n = r.expect(200).json();
        assertThat(List.of(n.get("applied").asInt(), n.get("duplicates").asInt(), n.get("ignored").asInt()))
                .as("applied, duplicates, ignored").containsExactly(applied, duplicates, ignored);
    }

    private List<JsonNode> interactions(String who) {
        JsonNode items = api.get(Api.V1 + "/interactions", who).expect(200).json().get("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private JsonNode byPlatformId(String platformId) {
        return interactions("acme:supervisor1").stream()
                .filter(i -> platformId.equals(i.path("platformId").asText(null))).findFirst().orElse(null);
    }

    @Test
    void aStartedCallShowsWithItsPlatformIdAndItsAgent() {
        outcome(send(batch(started("e1", "CA-1", "agent1"), line("e2", "CA-1", "Hello?"))), 2, 0, 0);
        JsonNode call = byPlatformId("CA-1");
        assertThat(call).isNotNull();
        assertThat(call.get("agentId").asText()).isEqualTo("acme:agent1");
        assertThat(call.get("agentName").asText()).isEqualTo("Agent One");
        assertThat(call.get("channel").asText()).isEqualTo("VOICE");
        assertThat(call.get("state").asText()).isEqualTo("ACTIVE");
        JsonNode transcript = api.get(Api.V1 + "/interactions/" + call.get("id").asText() + "/transcript",
                "acme:supervisor1").expect(200).json().get("items");
        assertThat(transcript.get(0).get("text").asText()).isEqualTo("Hello?");
        assertThat(transcript.get(0).get("authorName").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aRedeliveredEventChangesNothingEvenAfterARestart() {
        outcome(send(batch(started("e1", "CA-1", "agent1"))), 1, 0, 0);
        outcome(send(batch(started("e1", "CA-1", "agent1"), state("e2", "CA-1", "ON_HOLD",
                "2026-12-06T10:01:00.000Z"))), 1, 1, 0);
        api.gw.restart();
        outcome(send(batch(state("e2", "CA-1", "ON_HOLD", "2026-12-06T10:01:00.000Z"), ended("e3", "CA-1"),
                ended("e3", "CA-1"))), 1, 2, 0);
        assertThat(byPlatformId("CA-1")).isNull();
        outcome(send(batch(ended("e3", "CA-1"))), 0, 1, 0);
    }

    @Test
    void lateAndOutOfOrderEventsNeverMoveAnInteractionBack() {
        outcome(send(batch(started("e1", "CA-1", "agent1"),
                state("e2", "CA-1", "WRAP_UP", "2026-12-06T10:05:00.000Z"),
                state("e3", "CA-1", "ON_HOLD", "2026-12-06T10:02:00.000Z"))), 2, 0, 1);
        assertThat(byPlatformId("CA-1").get("state").asText()).isEqualTo("WRAP_UP");
        outcome(send(batch(ended("e4", "CA-1"), line("e5", "CA-1", "too late"),
                state("e6", "CA-1", "ACTIVE", "2026-12-06T10:10:00.000Z"),
                started("e7", "CA-1", "agent1"))), 1, 0, 3);
        assertThat(byPlatformId("CA-1")).isNull();
        outcome(send(batch(line("e8", "CA-never", "who?"), ended("e9", "CA-never"))), 0, 0, 2);
    }

    @Test
    void aMalformedEventRefusesTheWholeBatchNamingItsIndexAndField() {
        String bad = "{\"id\":\"e2\",\"type\":\"interaction.state_changed\",\"at\":\"2026-12-06T10:00:00Z\","
                + "\"interactionId\":\"CA-1\"}";
        send(batch(started("e1", "CA-1", "agent1"), bad)).expectError(400, "bad_request", "events[1].state");
        assertThat(byPlatformId("CA-1")).isNull();
        outcome(send(batch(started("e1", "CA-1", "agent1"))), 1, 0, 0); // e1 was not marked seen either
    }

    @Test
    void anUnknownAgentIsA400NamingIt() {
        send(batch(started("e1", "CA-1", "agent1"), started("e2", "CA-2", "nobody")))
                .expectError(400, "bad_request", "events[1].agentId 'nobody'");
        assertThat(byPlatformId("CA-1")).isNull();
    }

    @Test
    void anotherTenantsAgentIsUnknownHere() {
        String globex = api.post(Api.V1 + "/tenant/platform/secret", "globex:admin1", null).expect(201).json()
                .get("secret").asText();
        outcome(send("globex", globex, Instant.now(), batch(started("e1", "GX-1", "agent1"))), 1, 0, 0);
        assertThat(byPlatformId("GX-1")).as("acme does not see globex's call").isNull();
        assertThat(interactions("globex:supervisor1")).extracting(i -> i.path("platformId").asText())
                .contains("GX-1");
    }

    @Test
    void aBadMissingOrStaleSignatureIs401AndChangesNothing() {
        String body = batch(started("e1", "CA-1", "agent1"));
        send("acme", "whsec_wrong", Instant.now(), body).expectError(401, "unauthorized", "does not match");
        send("acme", secret, Instant.now().minusSeconds(301), body).expectError(401, "unauthorized", "300 s");
        send("globex", secret, Instant.now(), body).expectError(401, "unauthorized", "platform secret");
        send("nosuchtenant", secret, Instant.now(), body).expectError(401, "unauthorized", "platform secret");
        api.send("POST", EVENTS, null, body, Map.of("Huddle-Tenant", "acme"))
                .expectError(401, "unauthorized", "missing");
        api.send("POST", EVENTS, null, body, Map.of()).expectError(401, "unauthorized", "Huddle-Tenant");
        assertThat(byPlatformId("CA-1")).isNull();
    }

    @Test
    void aNewSecretReplacesTheOldOne() {
        String old = secret;
        String fresh = api.post(Api.V1 + "/tenant/platform/secret", ADMIN, null).expect(201).json().get("secret")
                .asText();
        assertThat(fresh).isNotEqualTo(old).startsWith("whsec_");
        send("acme", old, Instant.now(), batch(started("e1", "CA-1", "agent1")))
                .expectError(401, "unauthorized", "does not match");
        outcome(send("acme", fresh, Instant.now(), batch(started("e1", "CA-1", "agent1"))), 1, 0, 0);
    }

    @Test
    void oversizedBatchesAreRefused() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 500; i++) {
            many.add(ended("e" + i, "CA-x"));
        }
        send(api.malformed(), "acme", secret, Instant.now(), batch(many.toArray(String[]::new)))
                .expectError(413, "too_large", "at most 500 events");
        String text = "x".repeat(2000);
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            big.add(line("b" + i, "CA-x", text));
        }
        send(batch(big.toArray(String[]::new))).expect(413);
    }

    @Test
    void anAdminManagesTheConnectionAndNeverSeesTheSecretAgain() {
        JsonNode set = api.put(Api.V1 + "/tenant/platform", ADMIN,
                Api.body("callControlUrl", "https://cc.example.test/huddle/controls")).expect(200).json();
        assertThat(set.get("callControlUrl").asText()).isEqualTo("https://cc.example.test/huddle/controls");
        JsonNode view = api.get(Api.V1 + "/tenant/platform", ADMIN).expect(200).json();
        assertThat(view.get("secretSet").asBoolean()).isTrue();
        assertThat(view.get("secretSetAt").asText()).isNotEmpty();
        assertThat(view.toString()).doesNotContain(secret);
        api.put(Api.V1 + "/tenant/platform", ADMIN, Api.body("callControlUrl", "ftp://x"))
                .expectError(400, "bad_request", "http or https");
        api.put(Api.V1 + "/tenant/platform", ADMIN, Api.body("callControlUrl", "https://user:pw@x.test/"))
                .expectError(400, "bad_request", "credentials");
        for (String who : List.of("acme:supervisor1", "acme:agent1", "acme:auditor1")) {
            api.get(Api.V1 + "/tenant/platform", who).expectError(403, "forbidden", "admin");
            api.post(Api.V1 + "/tenant/platform/secret", who, null).expectError(403, "forbidden", "admin");
            api.put(Api.V1 + "/tenant/platform", who, Api.body("callControlUrl", "https://x.test/"))
                    .expectError(403, "forbidden", "admin");
        }
        api.get(Api.V1 + "/tenant/platform", null).expect(401);
    }
}
