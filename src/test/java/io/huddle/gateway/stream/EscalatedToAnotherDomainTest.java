package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.ack;
import static io.huddle.gateway.stream.Streams.helpUpdated;
import static io.huddle.gateway.stream.Streams.notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.gateway.GatewayTest;
import io.huddle.gateway.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A supervisor of another domain named in the escalation group, through the real gateway: they get the
 * escalated request, accept it and act on its interaction, see nothing else of that domain, and lose the sight
 * when the request ends. With every supervisor of the domain away, a request escalates at once.
 */
class EscalatedToAnotherDomainTest extends GatewayTest {
    private static final String SALES_SUP = "acme:salessupervisor1";
    private static final String SETTINGS = "/api/v1/tenant/settings";

    private HttpResponse<String> nameGroup(String admin, String id) {
        return gw.call("PUT", SETTINGS, admin, "{\"escalation\":{\"escalationGroup\":[\"" + id + "\"]}}");
    }

    private JsonNode raise(WsTestClient agent, Interaction ix) {
        return ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other")).path("helpRequest");
    }

    private int status(String path, String token) {
        return gw.call("GET", path, token, null).statusCode();
    }

    @Test
    void aNamedSupervisorOfAnotherDomainTakesTheEscalatedRequestAndNothingElse() {
        String admin = gw.signIn("acme", "admin1");
        assertThat(nameGroup(admin, SALES_SUP).statusCode()).isEqualTo(200);
        String salesToken = gw.signIn("acme", "salessupervisor1");
        Interaction ix1 = gw.startInteraction("acme", "agent1", Channel.VOICE);
        Interaction ix2 = gw.startInteraction("acme", "agent2", Channel.VOICE);
        try (WsTestClient sales = WsTestClient.connect(gw.streamUri(), salesToken);
             WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1");
             WsTestClient agent1 = Streams.open(gw, "acme", "agent1");
             WsTestClient agent2 = Streams.open(gw, "acme", "agent2")) {
            sales.hello();
            sales.awaitType("snapshot");
            ack(sup1.command("presence.set", "presence", "away"));

            JsonNode escalated = raise(agent1, ix1); // nobody of support available: to the group at once
            String hr1 = escalated.path("id").asText();
            assertThat(escalated.path("assignedTo")).extracting(JsonNode::asText).contains(SALES_SUP);
            sales.awaitFrame(notification("help.escalated", hr1), WsTestClient.WAIT);
            sales.awaitFrame(helpUpdated(hr1, "PENDING"), WsTestClient.WAIT);

            ack(sup1.command("presence.set", "presence", "available"));
            String hr2 = raise(agent2, ix2).path("id").asText(); // support's own: routed, not escalated
            Streams.barrier(sales);
            assertThat(sales.frames()).noneMatch(f -> hr2.equals(f.path("helpRequest").path("id").asText())
                    || hr2.equals(f.path("helpRequestId").asText()));
            assertThat(status("/api/v1/help-requests/" + hr1, salesToken)).isEqualTo(200);
            assertThat(status("/api/v1/help-requests/" + hr2, salesToken)).isEqualTo(404);
            assertThat(status("/api/v1/interactions/" + ix1.id(), salesToken)).as("not before accepting")
                    .isEqualTo(404);
            assertThat(status("/api/v1/interactions/" + ix2.id(), salesToken)).isEqualTo(404);

            JsonNode accepted = ack(sales.command("help.accept", "helpRequestId", hr1)).path("helpRequest");
            assertThat(accepted.path("helpProvidedBy").asText()).isEqualTo(SALES_SUP);
            Streams.assertError(sup1.command("help.accept", "helpRequestId", hr1), "conflict");

            JsonNode monitor = ack(sales.command("action", "interactionId", ix1.id(), "action", "monitor"));
            assertThat(monitor.path("action").path("action").asText()).isEqualTo("MONITOR");
            assertThat(monitor.path("action").path("helpRequestId").asText()).isEqualTo(hr1);
            JsonNode list = TestGateway.json(gw.call("GET", "/api/v1/interactions", salesToken, null).body());
            assertThat(list.path("items")).extracting(i -> i.path("id").asText()).contains(ix1.id()).doesNotContain(ix2.id());
            assertThat(status("/api/v1/interactions/" + ix2.id(), salesToken)).isEqualTo(404);
            assertThat(status("/api/v1/help-requests/" + hr2, salesToken)).isEqualTo(404);

            ack(agent1.command("help.close", "helpRequestId", hr1));
            sales.awaitFrame(helpUpdated(hr1, "CLOSED"), WsTestClient.WAIT);
            assertThat(sales.awaitClose(WsTestClient.WAIT).getCloseCode().getCode())
                    .isEqualTo(StreamHub.ACCESS_CHANGED);
            assertThat(status("/api/v1/help-requests/" + hr1, salesToken)).isEqualTo(404);
            assertThat(status("/api/v1/interactions/" + ix1.id(), salesToken)).isEqualTo(404);
            JsonNode after = TestGateway.json(gw.call("GET", "/api/v1/interactions/" + ix1.id(),
                    gw.signIn("acme", "supervisor1"), null).body());
            assertThat(after.path("participants")).extracting(p -> p.path("id").asText())
                    .as("their leg ended with the request").doesNotContain(SALES_SUP);
        }
    }

    @Test
    void theGroupNamesOnlyActiveSupervisorsOfTheTenantAndSaysNothingOfOtherTenants() {
        String admin = gw.signIn("acme", "admin1");
        for (String who : new String[] {"acme:agent1", "acme:auditor1", "acme:admin1"}) {
            HttpResponse<String> r = nameGroup(admin, who);
            assertThat(r.statusCode()).as(who).isEqualTo(400);
            assertThat(r.body()).contains("not an active awa_manager or awa_lead of this tenant");
        }
        String otherTenant = nameGroup(admin, "globex:supervisor1").body();
        String unknown = nameGroup(admin, "acme:nobody").body();
        assertThat(otherTenant.replace("globex:supervisor1", "ID")).isEqualTo(unknown.replace("acme:nobody", "ID"));
        assertThat(nameGroup(admin, "acme:supervisor2").statusCode()).as("a supervisor of the same domain")
                .isEqualTo(200);
        assertThat(gw.call("PATCH", "/api/v1/admin/users/" + SALES_SUP, admin, "{\"active\":false}").statusCode())
                .isEqualTo(200);
        assertThat(nameGroup(admin, SALES_SUP).statusCode()).as("a disabled supervisor").isEqualTo(400);
    }
}
