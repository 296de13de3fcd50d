package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.InteractionState;
import io.huddle.domain.TranscriptLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET interactions, one interaction, its controls and its transcript. */
class InteractionsApiTest extends ApiTest {
    private List<String> ids(Api.Res r) {
        List<String> ids = new ArrayList<>();
        r.expect(200).json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(r.json().get("nextCursor").isNull()).isTrue();
        return ids;
    }

    @Test
    void theListShowsTheLiveInteractionsOfTheUsersDomainOnly() {
        String a1 = api.interaction("acme:agent1");
        String a2 = api.interaction("acme:agent2", Channel.VOICE);
        String sales = api.interaction("acme:salesagent1");
        String globex = api.interaction("globex:agent1");
        String ended = api.interaction("acme:agent1");
        api.gw.server().platformSide().endInteraction("acme", ended);

        for (String who : List.of("acme:supervisor1", "acme:auditor1", "acme:admin1")) {
            assertThat(ids(api.get(V1 + "/interactions", who))).as(who).containsExactlyInAnyOrder(a1, a2);
        }
        assertThat(ids(api.get(V1 + "/interactions", "acme:agent1"))).containsExactly(a1);
        assertThat(ids(api.get(V1 + "/interactions", "acme:agent3"))).isEmpty();
        assertThat(ids(api.get(V1 + "/interactions", "acme:salessupervisor1"))).containsExactly(sales);
        assertThat(ids(api.get(V1 + "/interactions", "globex:supervisor2"))).containsExactly(globex);
    }

    @Test
    void oneInteractionHasEveryField() {
        String ix = api.interaction("acme:agent2", Channel.VOICE);
        JsonNode i = api.get(V1 + "/interactions/" + ix, "acme:supervisor1").expect(200).json();
        assertThat(i.get("id").asText()).isEqualTo(ix);
        assertThat(i.get("channel").asText()).isEqualTo("VOICE");
        assertThat(i.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(i.get("agentId").asText()).isEqualTo("acme:agent2");
        assertThat(i.get("agentName").asText()).isEqualTo("Agent Two");
        assertThat(i.get("customerName").asText()).isEqualTo("Test Customer");
        assertThat(i.get("queue").asText()).isEqualTo("Billing");
        assertThat(i.get("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(i.get("endedAt").isNull()).isTrue();
        assertThat(i.get("helpRequested").asBoolean()).isFalse();
        assertThat(i.get("participants")).hasSize(2);
        assertThat(i.get("participants").get(1).get("kind").asText()).isEqualTo("AGENT");
        assertThat(api.get(V1 + "/interactions/" + ix, "acme:agent2").expect(200).json()).isEqualTo(i);
    }

    @Test
    void anEndedInteractionCanStillBeReadButNotActedOn() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "COACH").expect(201);
        api.gw.server().platformSide().endInteraction("acme", ix);
        JsonNode i = api.get(V1 + "/interactions/" + ix, "acme:supervisor1").expect(200).json();
        assertThat(i.get("state").asText()).isEqualTo("ENDED");
        assertThat(i.get("endedAt").isNull()).isFalse();
        assertThat(i.get("participants").toString()).doesNotContain("SUPERVISOR");
        JsonNode c = api.get(V1 + "/interactions/" + ix + "/controls", "acme:supervisor1").expect(200).json();
        assertThat(c.get("coach").get("reason").asText()).isEqualTo("the interaction has ended");
        api.act("acme:supervisor1", ix, "MONITOR").expectError(409, "conflict", "the interaction has ended");
        JsonNode actions = api.get(V1 + "/actions?interactionId=" + ix, "acme:supervisor1").json().get("items");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).get("endedAt").asText()).isEqualTo(i.get("endedAt").asText());
    }

    @Test
    void wrapUpBlocksActionsButOnHoldDoesNot() {
        String ix = api.interaction("acme:agent1");
        api.state("acme", ix, InteractionState.ON_HOLD);
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        api.state("acme", ix, InteractionState.WRAP_UP);
        api.act("acme:supervisor1", ix, "COACH").expectError(409, "conflict",
                "Coach is not available: the interaction is in wrap-up");
        assertThat(api.get(V1 + "/interactions/" + ix, "acme:agent1").json().get("state").asText())
                .isEqualTo("WRAP_UP");
    }

    @Test
    void aSupervisorViewingAQuietInteractionGetsEveryModeButDisconnect() {
        String ix = api.interaction("acme:agent1");
        JsonNode c = api.get(V1 + "/interactions/" + ix + "/controls", "acme:supervisor2").expect(200).json();
        for (String on : List.of("monitor", "coach", "bargeIn")) {
            assertThat(c.get(on).get("enabled").asBoolean()).as(on).isTrue();
            assertThat(c.get(on).get("reason").isNull()).as(on).isTrue();
        }
        assertThat(c.get("disconnect").get("enabled").asBoolean()).isFalse();
        assertThat(c.get("disconnect").get("reason").asText()).isEqualTo("you are not on this interaction");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme:agent1", "acme:auditor1", "acme:admin1"})
    void otherRolesSeeEveryControlOffWithTheRoleReason(String who) {
        String ix = api.interaction("acme:agent1");
        JsonNode c = api.get(V1 + "/interactions/" + ix + "/controls", who).expect(200).json();
        for (String control : List.of("monitor", "coach", "bargeIn", "disconnect")) {
            assertThat(c.get(control).get("enabled").asBoolean()).isFalse();
            assertThat(c.get(control).get("reason").asText())
                    .isEqualTo("requires the awa_manager (supervisor) role");
        }
    }

    @Test
    void theAgentNeverSeesASilentMonitorButSeesACoach() {
        String ix = api.interaction("acme:agent1", Channel.VOICE);
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        JsonNode sup = api.get(V1 + "/interactions/" + ix, "acme:supervisor2").json().get("participants");
        assertThat(sup).hasSize(3);
        assertThat(sup.get(2).get("id").asText()).isEqualTo("acme:supervisor1");
        assertThat(sup.get(2).get("mode").asText()).isEqualTo("MONITOR");
        assertThat(sup.get(2).get("audio").asText()).isEqualTo("LISTEN");
        assertThat(api.get(V1 + "/interactions/" + ix, "acme:agent1").json().get("participants")).hasSize(2);
        assertThat(api.get(V1 + "/interactions", "acme:agent1").json().toString())
                .doesNotContain("acme:supervisor1");

        api.act("acme:supervisor1", ix, "COACH").expect(201);
        JsonNode seen = api.get(V1 + "/interactions/" + ix, "acme:agent1").json().get("participants");
        assertThat(seen).hasSize(3);
        assertThat(seen.get(2).get("mode").asText()).isEqualTo("COACH");
        assertThat(seen.get(2).get("audio").asText()).isEqualTo("WHISPER");
    }

    @Test
    void theTranscriptListsLinesInOrderWithTheirAudience() {
        String ix = api.interaction("acme:agent1");
        assertThat(api.get(V1 + "/interactions/" + ix + "/transcript", "acme:supervisor1").expect(200).json()
                .get("items")).isEmpty();
        api.gw.server().platformSide().appendTranscript("acme", ix, TranscriptLine.Speaker.CUSTOMER, "Hello?");
        api.act("acme:supervisor1", ix, "COACH").expect(201);
        api.message("acme:supervisor1", ix, "offer the refund").expect(201);

        for (String who : List.of("acme:supervisor2", "acme:agent1", "acme:auditor1")) {
            JsonNode lines = api.get(V1 + "/interactions/" + ix + "/transcript", who).expect(200).json()
                    .get("items");
            assertThat(lines).as(who).hasSize(3);
            assertThat(lines.get(0).get("from").asText()).isEqualTo("CUSTOMER");
            assertThat(lines.get(0).get("authorName").asText()).isEqualTo("Test Customer");
            assertThat(lines.get(0).get("audience").asText()).isEqualTo("ALL");
            assertThat(lines.get(1).get("from").asText()).isEqualTo("SYSTEM");
            assertThat(lines.get(1).get("text").asText()).isEqualTo(
                    "Supervisor One is coaching you (the customer cannot hear or see this)");
            assertThat(lines.get(1).get("audience").asText()).isEqualTo("AGENT");
            assertThat(lines.get(2).get("text").asText()).isEqualTo("offer the refund");
            assertThat(lines.get(2).get("interactionId").asText()).isEqualTo(ix);
        }
    }

    @Test
    void silentMonitoringWritesNothingToTheTranscript() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        api.act("acme:supervisor1", ix, "DISCONNECT").expect(201);
        assertThat(api.get(V1 + "/interactions/" + ix + "/transcript", "acme:agent1").json().get("items")).isEmpty();
    }
}
