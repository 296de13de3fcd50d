package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.auth.PasswordHasher;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the REST API shows survives a restart of the gateway on the same data directory. */
class RestartDurabilityApiTest extends ApiTest {
    @Test
    void usersAndTheirSessionsSurvive() {
        String hash = new PasswordHasher(1000).hash("s3cret".toCharArray());
        api.gw.server().store().saveUser(new User("acme:newbie", "acme", "support", "newbie", "New Bee",
                Set.of(Role.AWA_AGENT)), hash);
        String token = api.token("acme:supervisor1");
        String signedOut = api.gw.signIn("acme", "agent1");
        api.send("DELETE", V1 + "/sessions/current", signedOut, null, Map.of()).expect(204);

        api.gw.restart();

        JsonNode me = api.get(V1 + "/me", "acme:supervisor1").expect(200).json();
        assertThat(me.get("id").asText()).isEqualTo("acme:supervisor1");
        assertThat(api.token("acme:supervisor1")).isEqualTo(token);
        api.send("GET", V1 + "/me", signedOut, null, Map.of()).expectError(401, "unauthorized", "sign in again");
        api.post(V1 + "/sessions", null, Api.body("tenant", "acme", "username", "newbie", "password", "s3cret"))
                .expect(201);
        api.post(V1 + "/sessions", null, Api.body("tenant", "acme", "username", "agent1", "password", "demo"))
                .expect(201);
        // acme's 9 demo people, newbie, and the 16 agents of its simulated contact center
        assertThat(api.gw.server().store().users("acme")).hasSize(26);
    }

    @Test
    void helpRequestsKeepTheirStatusAndStillBlockASecondOne() {
        String pendingIx = api.interaction("acme:agent1");
        String pending = api.raised("acme:agent1", pendingIx);
        String takenIx = api.interaction("acme:agent2");
        String taken = api.raised("acme:agent2", takenIx);
        api.accept("acme:supervisor2", taken).expect(200);
        String closed = api.raised("acme:agent3", api.interaction("acme:agent3"));
        api.accept("acme:supervisor1", closed).expect(200);
        api.post(V1 + "/help-requests/" + closed + "/close", "acme:agent3", null).expect(200);
        String cancelled = api.raised("acme:agent3", api.interaction("acme:agent3"));
        api.post(V1 + "/help-requests/" + cancelled + "/cancel", "acme:agent3", null).expect(200);
        JsonNode before = api.get(V1 + "/help-requests", "acme:auditor1").expect(200).json();

        api.gw.restart();

        assertThat(api.get(V1 + "/help-requests", "acme:auditor1").expect(200).json()).isEqualTo(before);
        assertThat(api.get(V1 + "/help-requests/" + pending, "acme:agent1").json().get("status").asText())
                .isEqualTo("PENDING");
        assertThat(api.get(V1 + "/help-requests/" + taken, "acme:agent2").json().get("status").asText())
                .isEqualTo("IN_PROGRESS");
        assertThat(api.get(V1 + "/interactions/" + pendingIx, "acme:supervisor1").json().get("helpRequested")
                .asBoolean()).isTrue();
        assertThat(api.get(V1 + "/interactions/" + takenIx, "acme:supervisor1").json().get("helpRequested")
                .asBoolean()).isFalse();

        api.raise("acme:agent1", pendingIx).expectError(409, "conflict", "already has a help request " + pending);
        api.raise("acme:agent2", takenIx).expectError(409, "conflict", "that is IN_PROGRESS");
        api.act("acme:supervisor1", pendingIx, "COACH").expectError(409, "conflict", "confirm the help request");
        api.act("acme:supervisor1", takenIx, "COACH").expectError(409, "conflict",
                "Supervisor Two is providing help");
        JsonNode coach = api.act("acme:supervisor2", takenIx, "COACH").expect(201).json();
        assertThat(coach.get("helpRequestId").asText()).isEqualTo(taken);
        api.accept("acme:supervisor1", pending).expect(200);
        api.post(V1 + "/help-requests/" + taken + "/close", "acme:agent2", null).expect(200);
    }

    @Test
    void actionsSurviveAndRunningOnesAreEndedBecauseTheirLegsAreGone() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        api.act("acme:supervisor1", ix, "COACH").expect(201);
        String other = api.interaction("acme:agent2");
        api.act("acme:supervisor2", other, "BARGE_IN").expect(201);
        api.act("acme:supervisor2", other, "DISCONNECT").expect(201);
        JsonNode before = api.get(V1 + "/actions", "acme:auditor1").expect(200).json().get("items");
        assertThat(before).hasSize(4);
        Instant stopped = Instant.now();

        api.gw.restart();

        JsonNode after = api.get(V1 + "/actions", "acme:auditor1").expect(200).json().get("items");
        assertThat(after).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode b = before.get(i);
            JsonNode a = after.get(i);
            assertThat(a.get("id")).isEqualTo(b.get("id"));
            assertThat(a.get("startedAt")).isEqualTo(b.get("startedAt"));
            if (b.get("endedAt").isNull()) {
                assertThat(a.get("action").asText()).isEqualTo("COACH");
                assertThat(Instant.parse(a.get("endedAt").asText())).isAfterOrEqualTo(stopped.minusMillis(1));
            } else {
                assertThat(a.get("endedAt")).isEqualTo(b.get("endedAt"));
            }
        }
        assertThat(api.gw.server().store().openActions()).isEmpty();
        JsonNode participants = api.get(V1 + "/interactions/" + ix, "acme:supervisor2").json().get("participants");
        assertThat(participants.toString()).doesNotContain("SUPERVISOR");
        assertThat(api.get(V1 + "/interactions/" + ix + "/controls", "acme:supervisor1").json()
                .get("coach").get("enabled").asBoolean()).isTrue();
        api.act("acme:supervisor1", ix, "COACH").expect(201);
    }

    @Test
    void aNotHalfWrittenRequestAfterARefusalSurvivesAsItWas() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        api.post(V1 + "/help-requests/" + hr + "/close", "acme:agent1", null).expect(409);
        api.accept("acme:salessupervisor1", hr).expect(404);
        api.gw.restart();
        JsonNode r = api.get(V1 + "/help-requests/" + hr, "acme:supervisor1").expect(200).json();
        assertThat(r.get("status").asText()).isEqualTo("PENDING");
        assertThat(r.get("closedAt").isNull()).isTrue();
        assertThat(r.get("helpProvidedBy").isNull()).isTrue();
    }
}
