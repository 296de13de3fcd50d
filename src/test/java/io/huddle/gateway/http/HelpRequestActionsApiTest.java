package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** How supervisor actions relate to help requests: who may speak, and which request an action belongs to. */
class HelpRequestActionsApiTest extends ApiTest {
    private Api.Res actFor(String supervisor, String ix, String action, String helpRequestId) {
        return api.post(V1 + "/interactions/" + ix + "/actions", supervisor,
                body("action", action, "helpRequestId", helpRequestId));
    }

    private JsonNode actionsOf(String ix) {
        return api.get(V1 + "/actions?interactionId=" + ix, "acme:supervisor1").expect(200).json().get("items");
    }

    @Test
    void supervisorsActWithoutAHelpRequest() {
        String ix = api.interaction("acme:agent1");
        JsonNode a = api.act("acme:supervisor1", ix, "COACH").expect(201).json();
        assertThat(a.get("helpRequestId").isNull()).isTrue();
        assertThat(actionsOf(ix).get(0).get("helpRequestId").isNull()).isTrue();
    }

    @Test
    void aPendingRequestLetsSupervisorsMonitorButNotSpeakUntilOneAccepts() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        JsonNode monitor = api.act("acme:supervisor2", ix, "MONITOR").expect(201).json();
        assertThat(monitor.get("helpRequestId").isNull()).isTrue();
        for (String speak : new String[] {"COACH", "BARGE_IN"}) {
            api.act("acme:supervisor1", ix, speak).expectError(409, "conflict",
                    "Agent One asked for help: confirm the help request first");
        }
        JsonNode c = api.get(V1 + "/interactions/" + ix + "/controls", "acme:supervisor1").json();
        assertThat(c.get("monitor").get("enabled").asBoolean()).isTrue();
        assertThat(c.get("coach").get("reason").asText()).contains("confirm the help request first");

        api.accept("acme:supervisor1", hr).expect(200);
        JsonNode coach = api.act("acme:supervisor1", ix, "COACH").expect(201).json();
        assertThat(coach.get("helpRequestId").asText()).isEqualTo(hr);
    }

    @Test
    void theHelpersActionsCarryTheRequestAndNobodyElsesDo() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        api.accept("acme:supervisor1", hr).expect(200);

        assertThat(api.act("acme:supervisor1", ix, "MONITOR").expect(201).json().get("helpRequestId").asText())
                .isEqualTo(hr);
        assertThat(api.act("acme:supervisor1", ix, "BARGE_IN").expect(201).json().get("helpRequestId").asText())
                .isEqualTo(hr);
        assertThat(api.act("acme:supervisor2", ix, "MONITOR").expect(201).json().get("helpRequestId").isNull())
                .isTrue();
        api.act("acme:supervisor2", ix, "COACH").expectError(409, "conflict",
                "Coach is not available: Supervisor One is providing help on this interaction");

        JsonNode search = api.get(V1 + "/actions?helpRequestId=" + hr, "acme:auditor1").expect(200).json()
                .get("items");
        assertThat(search).hasSize(2);
        search.forEach(a -> assertThat(a.get("supervisorId").asText()).isEqualTo("acme:supervisor1"));

        api.post(V1 + "/help-requests/" + hr + "/close", "acme:agent1", null).expect(200);
        JsonNode after = api.act("acme:supervisor1", ix, "COACH").expect(201).json();
        assertThat(after.get("helpRequestId").isNull()).as("the request is closed").isTrue();
    }

    @Test
    void theHelperMayNameTheirRequest() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        api.accept("acme:supervisor2", hr).expect(200);
        assertThat(actFor("acme:supervisor2", ix, "COACH", hr).expect(201).json().get("helpRequestId").asText())
                .isEqualTo(hr);
    }

    @Test
    void namingARequestThatIsNotInProgressWithYouIs409() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        actFor("acme:supervisor1", ix, "MONITOR", hr).expectError(409, "conflict",
                "help request " + hr + " is not in progress with you: confirm it first");
        api.accept("acme:supervisor2", hr).expect(200);
        actFor("acme:supervisor1", ix, "MONITOR", hr).expectError(409, "conflict", "not in progress with you");
        api.post(V1 + "/help-requests/" + hr + "/close", "acme:agent1", null).expect(200);
        actFor("acme:supervisor2", ix, "COACH", hr).expectError(409, "conflict",
                "help request " + hr + " is CLOSED");
        assertThat(actionsOf(ix)).isEmpty();
    }

    @Test
    void namingAnUnknownForeignOrOtherInteractionsRequestIsRefused() {
        String ix = api.interaction("acme:agent1");
        String elsewhere = api.interaction("acme:agent2");
        String hrElsewhere = api.raised("acme:agent2", elsewhere);
        String globexIx = api.interaction("globex:agent1");
        String globexHr = api.raised("globex:agent1", globexIx);
        String salesHr = api.raised("acme:salesagent1", api.interaction("acme:salesagent1"));

        actFor("acme:supervisor1", ix, "MONITOR", "hr-nope").expectError(404, "not_found",
                "help request 'hr-nope' not found");
        actFor("acme:supervisor1", ix, "MONITOR", globexHr).expectError(404, "not_found",
                "help request '" + globexHr + "' not found");
        actFor("acme:supervisor1", ix, "MONITOR", salesHr).expectError(404, "not_found", salesHr);
        actFor("acme:supervisor1", ix, "MONITOR", hrElsewhere).expectError(400, "bad_request",
                "field 'helpRequestId': help request " + hrElsewhere + " belongs to another interaction");
        assertThat(actionsOf(ix)).isEmpty();
        assertThat(api.get(V1 + "/interactions/" + ix, "acme:supervisor1").json().get("participants")).hasSize(2);
    }
}
