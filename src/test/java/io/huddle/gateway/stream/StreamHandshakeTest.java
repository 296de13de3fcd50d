package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.gateway.GatewayTest;
import io.huddle.gateway.floor.HelpLifecycle;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Opening the stream: who may upgrade, and what the first frames in each direction must be. */
class StreamHandshakeTest extends GatewayTest {
    // ---- the upgrade -----------------------------------------------------------------------------

    @Test
    void anUpgradeWithoutATokenIsRefusedWith401() {
        assertThatThrownBy(() -> WsTestClient.connect(gw.streamUri(), null))
                .isInstanceOfSatisfying(WsTestClient.Refused.class, r -> assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void anUpgradeWithAnUnknownTokenIsRefusedWith401() {
        assertThatThrownBy(() -> WsTestClient.connect(gw.streamUri(), "not-a-real-token"))
                .isInstanceOfSatisfying(WsTestClient.Refused.class, r -> assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void aTokenInTheQueryStringIsNotAccepted() {
        String token = gw.signIn("acme", "supervisor1");
        for (String param : List.of("token", "access_token", "bearer")) {
            URI uri = URI.create(gw.streamUri() + "?" + param + "=" + token);
            assertThatThrownBy(() -> WsTestClient.connect(uri, null)).as(param)
                    .isInstanceOfSatisfying(WsTestClient.Refused.class, r -> assertThat(r.status()).isEqualTo(401));
        }
    }

    @Test
    void aForeignOriginIsRefusedWith403EvenWithAGoodToken() {
        String token = gw.signIn("acme", "supervisor1");
        for (String origin : List.of("http://evil.example", "https://127.0.0.1.evil.example",
                "http://localhost:1", "null")) {
            assertThatThrownBy(() -> WsTestClient.connect(gw.streamUri(), token, Map.of("Origin", origin)))
                    .as(origin)
                    .isInstanceOfSatisfying(WsTestClient.Refused.class, r -> assertThat(r.status()).isEqualTo(403));
        }
    }

    @Test
    void sameOriginAndNoOriginAreAccepted() {
        String token = gw.signIn("acme", "supervisor1");
        String self = "http://127.0.0.1:" + gw.server().port();
        try (WsTestClient same = WsTestClient.connect(gw.streamUri(), token, Map.of("Origin", self))) {
            assertThat(same.hello().path("type").asText()).isEqualTo("welcome");
        }
        Map<String, String> noOrigin = new HashMap<>();
        noOrigin.put("Origin", null);
        try (WsTestClient none = WsTestClient.connect(gw.streamUri(), token, noOrigin)) {
            assertThat(none.hello().path("type").asText()).isEqualTo("welcome");
        }
    }

    // ---- hello -----------------------------------------------------------------------------------

    @Test
    void aFirstFrameThatIsNotHelloClosesWith4400() {
        for (String first : List.of("{\"type\":\"ping\",\"id\":\"p1\"}", "not json", "[]", "{}")) {
            WsTestClient c = WsTestClient.connect(gw.streamUri(), gw.signIn("acme", "supervisor1"));
            c.send(first);
            CloseReason reason = c.awaitClose(WsTestClient.WAIT);
            assertThat(reason.getCloseCode().getCode()).as(first).isEqualTo(4400);
            assertThat(c.frames()).as("nothing is sent before a hello").isEmpty();
        }
    }

    @Test
    void aHelloWithAnotherProtocolClosesWith4400() {
        for (String hello : List.of("{\"type\":\"hello\",\"protocol\":2}", "{\"type\":\"hello\"}",
                "{\"type\":\"hello\",\"protocol\":\"one\"}")) {
            WsTestClient c = WsTestClient.connect(gw.streamUri(), gw.signIn("acme", "supervisor1"));
            c.send(hello);
            assertThat(c.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).as(hello).isEqualTo(4400);
        }
    }

    @Test
    void aHelloThatCannotBeReadClosesWith4400() {
        for (String hello : List.of("{\"type\":\"hello\",\"protocol\":1,\"resume\":5}",
                "{\"type\":\"hello\",\"protocol\":1,\"resume\":{\"streamId\":\"st-1\",\"lastSeq\":\"many\"}}")) {
            WsTestClient c = WsTestClient.connect(gw.streamUri(), gw.signIn("acme", "supervisor1"));
            c.send(hello);
            CloseReason reason = c.awaitClose(WsTestClient.WAIT);
            assertThat(reason.getCloseCode().getCode()).as(hello).isEqualTo(4400);
            assertThat(reason.getReasonPhrase()).as(hello).isEqualTo("the hello could not be read");
        }
    }

    @Test
    void helloIsAnsweredWithWelcomeThenSnapshot() {
        WsTestClient c = WsTestClient.connect(gw.streamUri(), gw.signIn("acme", "supervisor1"));
        c.send(WsTestClient.frame("hello", "protocol", 1));
        JsonNode welcome = c.next(WsTestClient.WAIT);
        JsonNode snapshot = c.next(WsTestClient.WAIT);

        assertThat(welcome.path("type").asText()).isEqualTo("welcome");
        assertThat(welcome.path("user").path("id").asText()).isEqualTo("acme:supervisor1");
        assertThat(welcome.path("user").path("roles")).extracting(JsonNode::asText).containsExactly("awa_manager");
        assertThat(welcome.path("heartbeatSeconds").asLong()).isEqualTo(1);
        assertThat(welcome.path("resumed").isBoolean()).isTrue();
        assertThat(welcome.path("resumed").asBoolean()).isFalse();
        assertThat(welcome.path("streamId").asText()).isNotBlank();
        assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
        assertThat(snapshot.path("seq").isIntegralNumber()).isTrue();
        assertThat(snapshot.path("settings").path("monitoringEnabled").asBoolean()).isTrue();
        c.close();
    }

    @Test
    void aSupervisorsSnapshotHoldsTheirDomainsInteractionsAndOpenHelpRequests() {
        HelpLifecycle lifecycle = gw.server().helpLifecycle();
        Interaction a1 = gw.startInteraction("acme", "agent1", Channel.CHAT);
        Interaction a2 = gw.startInteraction("acme", "agent2", Channel.VOICE);
        Interaction sales = gw.startInteraction("acme", "salesagent1", Channel.CHAT);
        Interaction globex = gw.startInteraction("globex", "agent1", Channel.CHAT);
        var help = lifecycle.raiseHelp(gw.user("acme", "agent2"), a2.id(), "Policy question", null);
        lifecycle.raiseHelp(gw.user("acme", "salesagent1"), sales.id(), "Other", null);
        lifecycle.raiseHelp(gw.user("globex", "agent1"), globex.id(), "Other", null);

        try (WsTestClient c = Streams.open(gw, "acme", "supervisor1")) {
            JsonNode snap = c.awaitType("snapshot");
            assertThat(ids(snap.path("interactions"))).containsExactlyInAnyOrder(a1.id(), a2.id());
            assertThat(ids(snap.path("helpRequests"))).containsExactly(help.id());
            assertThat(snap.path("helpRequests").get(0).path("status").asText()).isEqualTo("PENDING");
        }
    }

    @Test
    void anAgentsSnapshotHoldsOnlyTheirOwnWorkAndNoSilentMonitor() {
        HelpLifecycle lifecycle = gw.server().helpLifecycle();
        Interaction mine = gw.startInteraction("acme", "agent1", Channel.VOICE);
        Interaction theirs = gw.startInteraction("acme", "agent2", Channel.CHAT);
        var myHelp = lifecycle.raiseHelp(gw.user("acme", "agent1"), mine.id(), "Policy question", "hi");
        lifecycle.raiseHelp(gw.user("acme", "agent2"), theirs.id(), "Other", null);
        lifecycle.acceptHelp(gw.user("acme", "supervisor1"), myHelp.id());
        gw.server().supervisorLegs().act(gw.user("acme", "supervisor2"), mine.id(), ActionType.MONITOR, null);

        try (WsTestClient sup = Streams.open(gw, "acme", "supervisor1");
             WsTestClient agent = Streams.open(gw, "acme", "agent1")) {
            JsonNode snap = agent.awaitType("snapshot");
            assertThat(ids(snap.path("interactions"))).containsExactly(mine.id());
            assertThat(ids(snap.path("helpRequests"))).containsExactly(myHelp.id());
            JsonNode ix = snap.path("interactions").get(0);
            assertThat(ix.path("participants")).extracting(p -> p.path("kind").asText())
                    .containsExactlyInAnyOrder("CUSTOMER", "AGENT");
            assertThat(ix.toString()).doesNotContain("acme:supervisor2").doesNotContain("MONITOR");

            JsonNode supSnap = sup.awaitType("snapshot");
            JsonNode supView = StreamSupport.stream(supSnap.path("interactions").spliterator(), false)
                    .filter(i -> i.path("id").asText().equals(mine.id())).findFirst().orElseThrow();
            assertThat(participant(wrap(supView), "acme:supervisor2").path("mode").asText()).isEqualTo("MONITOR");
        }
    }

    private static JsonNode wrap(JsonNode interaction) {
        return WsTestClient.frame("interaction.updated", "interaction", interaction);
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asText()).toList();
    }
}
