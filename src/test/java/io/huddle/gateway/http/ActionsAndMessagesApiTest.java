package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST interactions/{id}/actions and /messages. */
class ActionsAndMessagesApiTest extends ApiTest {
    private JsonNode recorded(String ix) {
        return api.get(V1 + "/actions?interactionId=" + ix, "acme:auditor1").expect(200).json().get("items");
    }

    private JsonNode participant(String ix, String id) {
        for (JsonNode p : api.get(V1 + "/interactions/" + ix, "acme:supervisor2").json().get("participants")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void eachModeSwitchEndsThePreviousActionAndDisconnectIsAnInstant() {
        String ix = api.interaction("acme:agent1", Channel.VOICE);
        Map<String, JsonNode> byAction = new HashMap<>();
        for (String action : List.of("MONITOR", "COACH", "BARGE_IN", "DISCONNECT")) {
            JsonNode a = api.act("acme:supervisor1", ix, action).expect(201).json();
            assertThat(a.get("id").asText()).startsWith("act-");
            assertThat(a.get("action").asText()).isEqualTo(action);
            assertThat(a.get("supervisorId").asText()).isEqualTo("acme:supervisor1");
            assertThat(a.get("agentId").asText()).isEqualTo("acme:agent1");
            assertThat(a.get("interactionId").asText()).isEqualTo(ix);
            assertThat(a.get("helpRequestId").isNull()).isTrue();
            if (action.equals("DISCONNECT")) {
                assertThat(a.get("endedAt").asText()).isEqualTo(a.get("startedAt").asText());
                assertThat(participant(ix, "acme:supervisor1")).isNull();
            } else {
                assertThat(a.get("endedAt").isNull()).isTrue();
                assertThat(participant(ix, "acme:supervisor1").get("mode").asText()).isEqualTo(action);
            }
            byAction.put(action, a);
        }
        JsonNode rows = recorded(ix);
        assertThat(rows).hasSize(4);
        Map<String, JsonNode> stored = new HashMap<>();
        rows.forEach(r -> stored.put(r.get("action").asText(), r));
        assertThat(stored.keySet()).containsExactlyInAnyOrder("MONITOR", "COACH", "BARGE_IN", "DISCONNECT");
        List<String> order = List.of("MONITOR", "COACH", "BARGE_IN", "DISCONNECT");
        for (int i = 0; i < 3; i++) {
            JsonNode ended = stored.get(order.get(i));
            JsonNode next = stored.get(order.get(i + 1));
            assertThat(ended.get("id").asText()).isEqualTo(byAction.get(order.get(i)).get("id").asText());
            assertThat(ended.get("startedAt").asText()).isEqualTo(byAction.get(order.get(i)).get("startedAt").asText());
            assertThat(ended.get("endedAt").asText()).as("end of %s", order.get(i))
                    .isEqualTo(next.get("startedAt").asText());
            assertThat(Instant.parse(ended.get("endedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(ended.get("startedAt").asText()));
        }
        JsonNode d = stored.get("DISCONNECT");
        assertThat(d.get("endedAt").asText()).isEqualTo(d.get("startedAt").asText());
        assertThat(api.gw.server().store().openActions()).isEmpty();
    }

    @Test
    void aSecondSupervisorsActionsAreRecordedApart() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        api.act("acme:supervisor2", ix, "MONITOR").expect(201);
        api.act("acme:supervisor2", ix, "COACH").expect(201);
        JsonNode rows = recorded(ix);
        assertThat(rows).hasSize(3);
        long open = 0;
        for (JsonNode r : rows) {
            if (r.get("endedAt").isNull()) {
                open++;
            }
        }
        assertThat(open).as("supervisor1's monitor and supervisor2's coach still run").isEqualTo(2);
        api.act("acme:supervisor1", ix, "COACH").expectError(409, "conflict",
                "Coach is not available: Supervisor Two is already coaching on this interaction");
        api.act("acme:supervisor1", ix, "BARGE_IN").expectError(409, "conflict", "already coaching");
        assertThat(recorded(ix)).hasSize(3);
    }

    @Test
    void theSameModeAgainIsRefusedAndRecordsNothing() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        api.act("acme:supervisor1", ix, "MONITOR").expectError(409, "conflict",
                "Monitor is not available: you are already in monitor mode");
        api.act("acme:supervisor1", ix, "BARGE_IN").expect(201);
        api.act("acme:supervisor1", ix, "BARGE_IN").expectError(409, "conflict",
                "Barge-in is not available: you are already in barge-in mode");
        assertThat(recorded(ix)).hasSize(2);
    }

    @Test
    void disconnectNeedsALeg() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "DISCONNECT").expectError(409, "conflict",
                "Disconnect is not available: you are not on this interaction");
        assertThat(recorded(ix)).isEmpty();
    }

    @Test
    void chatLegsHaveNoAudio() {
        String ix = api.interaction("acme:agent1", Channel.CHAT);
        api.act("acme:supervisor1", ix, "BARGE_IN").expect(201);
        JsonNode p = participant(ix, "acme:supervisor1");
        assertThat(p.get("mode").asText()).isEqualTo("BARGE_IN");
        assertThat(p.get("audio").isNull()).isTrue();
        assertThat(p.get("kind").asText()).isEqualTo("SUPERVISOR");
        assertThat(p.get("name").asText()).isEqualTo("Supervisor One");
    }

    @Test
    void aCoachWhisperReachesTheAgentOnly() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "COACH").expect(201);
        JsonNode line = api.message("acme:supervisor1", ix, "  ask for the order number  ").expect(201).json();
        assertThat(line.get("id").asText()).startsWith("line-");
        assertThat(line.get("interactionId").asText()).isEqualTo(ix);
        assertThat(line.get("from").asText()).isEqualTo("SUPERVISOR");
        assertThat(line.get("authorName").asText()).isEqualTo("Supervisor One");
        assertThat(line.get("text").asText()).isEqualTo("ask for the order number");
        assertThat(line.get("audience").asText()).isEqualTo("AGENT");
        assertThat(line.get("at").asText()).isNotBlank();
    }

    @Test
    void aBargeMessageReachesEveryone() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "BARGE_IN").expect(201);
        JsonNode line = api.message("acme:supervisor1", ix, "Hello, I am the supervisor").expect(201).json();
        assertThat(line.get("audience").asText()).isEqualTo("ALL");
        JsonNode lines = api.get(V1 + "/interactions/" + ix + "/transcript", "acme:agent1").json().get("items");
        assertThat(lines.get(lines.size() - 1).get("id").asText()).isEqualTo(line.get("id").asText());
    }

    @Test
    void aSilentMonitorOrSomeoneNotOnTheLineCannotSendMessages() {
        String ix = api.interaction("acme:agent1");
        api.message("acme:supervisor1", ix, "hi").expectError(409, "conflict",
                "you are not on interaction " + ix + ": start Coach or Barge In first");
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        api.message("acme:supervisor1", ix, "hi").expectError(409, "conflict",
                "you are monitoring silently: switch to Coach or Barge In to send messages");
        api.act("acme:supervisor1", ix, "DISCONNECT").expect(201);
        api.message("acme:supervisor1", ix, "hi").expectError(409, "conflict", "you are not on interaction");
        assertThat(api.get(V1 + "/interactions/" + ix + "/transcript", "acme:supervisor1").json().get("items"))
                .isEmpty();
    }

    @Test
    void messageTextIsRequiredAndAtMost2000Characters() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "COACH").expect(201);
        String url = V1 + "/interactions/" + ix + "/messages";
        api.malformed().post(url, "acme:supervisor1", "{}").expectError(400, "bad_request", "field 'text' is required");
        api.malformed().post(url, "acme:supervisor1", body("text", "   ")).expectError(400, "bad_request",
                "field 'text' is required");
        api.malformed().post(url, "acme:supervisor1", body("text", "x".repeat(2001))).expectError(400, "bad_request",
                "field 'text' is longer than 2000 characters");
        api.malformed().post(url, "acme:supervisor1", body("text", List.of("a"))).expectError(400, "bad_request",
                "field 'text' has the wrong type");
        api.post(url, "acme:supervisor1", body("text", "x".repeat(2000))).expect(201);
        assertThat(api.get(V1 + "/interactions/" + ix + "/transcript", "acme:agent1").json().get("items"))
                .hasSize(2); // the "is coaching you" notice and the one message that was accepted
    }

    @Test
    void theActionFieldIsRequiredAndMustBeKnown() {
        String ix = api.interaction("acme:agent1");
        String url = V1 + "/interactions/" + ix + "/actions";
        api.malformed().post(url, "acme:supervisor1", "{}").expectError(400, "bad_request",
                "field 'action' is required: MONITOR, COACH, BARGE_IN or DISCONNECT");
        api.malformed().post(url, "acme:supervisor1", body("action", "LISTEN")).expectError(400, "bad_request",
                "field 'action' has an invalid value 'LISTEN': expected one of MONITOR, COACH, BARGE_IN, DISCONNECT");
        api.malformed().post(url, "acme:supervisor1", body("action", "monitor")).expectError(400, "bad_request",
                "field 'action' has an invalid value 'monitor'");
        assertThat(recorded(ix)).isEmpty();
    }
}
