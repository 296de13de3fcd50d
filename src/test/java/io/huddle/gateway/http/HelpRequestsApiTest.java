package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.InteractionState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The help-request lifecycle over REST, exactly as the seed behaves. */
class HelpRequestsApiTest extends ApiTest {
    private boolean flag(String ix) {
        return api.get(V1 + "/interactions/" + ix, "acme:supervisor1").expect(200).json()
                .get("helpRequested").asBoolean();
    }

    private HelpRequest stored(String id) {
        return api.gw.server().store().findHelpRequest(id).orElseThrow();
    }

    private Api.Res agentDoes(String verb, String agent, String hr) {
        return api.post(V1 + "/help-requests/" + hr + "/" + verb, agent, null);
    }

    @Test
    void raisingMakesAPendingRequestAssignedToTheDomainsSupervisors() {
        String ix = api.interaction("acme:agent1");
        Instant before = Instant.now().minusMillis(1);
        JsonNode r = api.raise("acme:agent1", ix).expect(201).json();
        assertThat(r.get("id").asText()).startsWith("hr-");
        assertThat(r.get("interactionId").asText()).isEqualTo(ix);
        assertThat(r.get("agentId").asText()).isEqualTo("acme:agent1");
        assertThat(r.get("agentName").asText()).isEqualTo("Agent One");
        assertThat(r.get("status").asText()).isEqualTo("PENDING");
        assertThat(r.get("reason").asText()).isEqualTo("Policy question");
        assertThat(r.get("comment").asText()).isEqualTo("refund over limit");
        assertThat(r.get("assignedTo").toString()).isEqualTo("[\"acme:supervisor1\",\"acme:supervisor2\"]");
        assertThat(Instant.parse(r.get("createdAt").asText())).isAfter(before);
        for (String empty : new String[] {"helpProvidedBy", "helpProvidedByName", "acceptedAt", "closedAt",
            "cancelledAt", "endReason"}) {
            assertThat(r.get(empty).isNull()).as(empty).isTrue();
        }
        assertThat(flag(ix)).isTrue();
        assertThat(api.get(V1 + "/interactions/" + ix, "acme:agent1").json().get("helpRequested").asBoolean())
                .isTrue();
        assertThat(stored(r.get("id").asText()).status()).isEqualTo(HelpRequestStatus.PENDING);
        assertThat(api.get(V1 + "/help-requests/" + r.get("id").asText(), "acme:supervisor2").expect(200).json())
                .isEqualTo(r);
    }

    @Test
    void aSalesRequestGoesToTheSalesSupervisorOnly() {
        String ix = api.interaction("acme:salesagent1");
        JsonNode r = api.raise("acme:salesagent1", ix).expect(201).json();
        assertThat(r.get("assignedTo").toString()).isEqualTo("[\"acme:salessupervisor1\"]");
    }

    @Test
    void cancelEndsAPendingRequestAndLowersTheFlag() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        JsonNode c = agentDoes("cancel", "acme:agent1", hr).expect(200).json();
        assertThat(c.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(c.get("cancelledAt").isNull()).isFalse();
        assertThat(c.get("closedAt").isNull()).isTrue();
        assertThat(c.get("endReason").asText()).isEqualTo("AGENT_CANCELLED");
        assertThat(flag(ix)).isFalse();
        assertThat(stored(hr).status()).isEqualTo(HelpRequestStatus.CANCELLED);
        api.raise("acme:agent1", ix).expect(201);
    }

    @Test
    void acceptPutsItInProgressWithTheHelperAndLowersTheFlag() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        JsonNode a = api.accept("acme:supervisor2", hr).expect(200).json();
        assertThat(a.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(a.get("helpProvidedBy").asText()).isEqualTo("acme:supervisor2");
        assertThat(a.get("helpProvidedByName").asText()).isEqualTo("Supervisor Two");
        assertThat(Instant.parse(a.get("acceptedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(a.get("createdAt").asText()));
        assertThat(flag(ix)).isFalse();
        assertThat(stored(hr).helpProvidedBy()).isEqualTo("acme:supervisor2");
        assertThat(api.get(V1 + "/help-requests/" + hr, "acme:agent1").json().get("status").asText())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void closeEndsItAndThenANewRequestIsAllowed() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        api.accept("acme:supervisor1", hr).expect(200);
        JsonNode c = agentDoes("close", "acme:agent1", hr).expect(200).json();
        assertThat(c.get("status").asText()).isEqualTo("CLOSED");
        assertThat(Instant.parse(c.get("closedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(c.get("acceptedAt").asText()));
        assertThat(c.get("endReason").asText()).isEqualTo("AGENT_CLOSED");
        assertThat(c.get("helpProvidedBy").asText()).isEqualTo("acme:supervisor1");
        assertThat(flag(ix)).isFalse();

        String again = api.raised("acme:agent1", ix);
        assertThat(again).isNotEqualTo(hr);
        assertThat(flag(ix)).isTrue();
    }

    @Test
    void aSecondOpenRequestOnTheSameInteractionIs409() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        api.raise("acme:agent1", ix).expectError(409, "conflict",
                "interaction " + ix + " already has a help request " + hr + " that is PENDING");
        api.accept("acme:supervisor1", hr).expect(200);
        api.raise("acme:agent1", ix).expectError(409, "conflict", "that is IN_PROGRESS");
        assertThat(api.get(V1 + "/help-requests?agentId=acme:agent1", "acme:supervisor1").json().get("items"))
                .hasSize(1);
        // another interaction of the same agent is independent
        api.raise("acme:agent1", api.interaction("acme:agent1")).expect(201);
    }

    @Test
    void movesTheLifecycleDoesNotAllowAre409AndChangeNothing() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        agentDoes("close", "acme:agent1", hr).expectError(409, "conflict",
                "help request is PENDING and cannot become CLOSED");
        assertThat(stored(hr).status()).isEqualTo(HelpRequestStatus.PENDING);

        api.accept("acme:supervisor1", hr).expect(200);
        HelpRequest accepted = stored(hr);
        api.accept("acme:supervisor2", hr).expectError(409, "conflict",
                "help request " + hr + " was already accepted by Supervisor One");
        api.accept("acme:supervisor1", hr).expectError(409, "conflict", "already accepted by Supervisor One");
        agentDoes("cancel", "acme:agent1", hr).expectError(409, "conflict",
                "help request is IN_PROGRESS and cannot become CANCELLED");
        assertThat(stored(hr)).isEqualTo(accepted);

        agentDoes("close", "acme:agent1", hr).expect(200);
        HelpRequest closed = stored(hr);
        agentDoes("close", "acme:agent1", hr).expectError(409, "conflict",
                "help request is CLOSED and cannot become CLOSED");
        api.accept("acme:supervisor2", hr).expectError(409, "conflict",
                "help request is CLOSED and cannot become IN_PROGRESS");
        assertThat(stored(hr)).isEqualTo(closed);

        String other = api.raised("acme:agent1", ix);
        agentDoes("cancel", "acme:agent1", other).expect(200);
        agentDoes("cancel", "acme:agent1", other).expectError(409, "conflict",
                "help request is CANCELLED and cannot become CANCELLED");
        api.accept("acme:supervisor1", other).expectError(409, "conflict", "CANCELLED and cannot become IN_PROGRESS");
    }

    @Test
    void raisingNeedsAnInteractionAndAReasonWithinLimits() {
        String ix = api.interaction("acme:agent1");
        String url = V1 + "/help-requests";
        api.malformed().post(url, "acme:agent1", body("reason", "x")).expectError(400, "bad_request",
                "field 'interactionId' is required");
        api.malformed().post(url, "acme:agent1", body("interactionId", ix)).expectError(400, "bad_request",
                "field 'reason' is required");
        api.malformed().post(url, "acme:agent1", body("interactionId", ix, "reason", "x".repeat(501)))
                .expectError(400, "bad_request", "field 'reason' is longer than 500 characters");
        api.malformed().post(url, "acme:agent1", body("interactionId", ix, "reason", "x", "comment", "y".repeat(501)))
                .expectError(400, "bad_request", "field 'comment' is longer than 500 characters");
        api.post(url, "acme:agent1", body("interactionId", "ix-nope", "reason", "x"))
                .expectError(404, "not_found", "interaction 'ix-nope' not found");
        assertThat(flag(ix)).isFalse();
        JsonNode ok = api.post(url, "acme:agent1", body("interactionId", ix, "reason", " Other ", "comment", " "))
                .expect(201).json();
        assertThat(ok.get("reason").asText()).isEqualTo("Other");
        assertThat(ok.get("comment").isNull()).isTrue();
    }

    @Test
    void helpOnlyOnAnActiveOrHeldInteraction() {
        String held = api.interaction("acme:agent1");
        api.state("acme", held, InteractionState.ON_HOLD);
        api.raise("acme:agent1", held).expect(201);
        String wrap = api.interaction("acme:agent1");
        api.state("acme", wrap, InteractionState.WRAP_UP);
        api.raise("acme:agent1", wrap).expectError(409, "conflict",
                "interaction " + wrap + " is WRAP_UP: help can only be requested on an active interaction");
        String ended = api.interaction("acme:agent1");
        api.gw.server().platformSide().endInteraction("acme", ended);
        api.raise("acme:agent1", ended).expectError(409, "conflict", "is ENDED");
    }

    @Test
    void endingTheInteractionCancelsAPendingRequestAndClosesOneInProgress() {
        String a = api.interaction("acme:agent1");
        String pending = api.raised("acme:agent1", a);
        String b = api.interaction("acme:agent2");
        String taken = api.raised("acme:agent2", b);
        api.accept("acme:supervisor1", taken).expect(200);
        api.gw.server().platformSide().endInteraction("acme", a);
        api.gw.server().platformSide().endInteraction("acme", b);
        JsonNode p = api.get(V1 + "/help-requests/" + pending, "acme:agent1").expect(200).json();
        assertThat(p.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(p.get("endReason").asText()).isEqualTo("INTERACTION_ENDED");
        JsonNode t = api.get(V1 + "/help-requests/" + taken, "acme:agent2").expect(200).json();
        assertThat(t.get("status").asText()).isEqualTo("CLOSED");
        assertThat(t.get("endReason").asText()).isEqualTo("INTERACTION_ENDED");
        assertThat(api.get(V1 + "/interactions/" + a, "acme:supervisor1").json().get("helpRequested").asBoolean())
                .isFalse();
    }

    @Test
    void unknownRequestIdsAre404() {
        api.get(V1 + "/help-requests/hr-nope", "acme:supervisor1").expectError(404, "not_found",
                "help request 'hr-nope' not found");
        api.accept("acme:supervisor1", "hr-nope").expectError(404, "not_found", "help request 'hr-nope'");
        agentDoes("cancel", "acme:agent1", "hr-nope").expectError(404, "not_found", "help request 'hr-nope'");
        agentDoes("close", "acme:agent1", "hr-nope").expectError(404, "not_found", "help request 'hr-nope'");
    }
}
