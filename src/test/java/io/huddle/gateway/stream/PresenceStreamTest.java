package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.ack;
import static io.huddle.gateway.stream.Streams.helpUpdated;
import static io.huddle.gateway.stream.Streams.notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Presence;
import io.huddle.domain.Interaction;
import io.huddle.gateway.GatewayTest;
import org.junit.jupiter.api.Test;

/**
 * Presence over real streams: a supervisor with an open console stream is available, may say busy or away
 * (remembered for the sign-in session), and only available supervisors are notified; with nobody available
 * a request escalates at once and is recorded so.
 */
class PresenceStreamTest extends GatewayTest {
    private static final String SUP1 = "acme:supervisor1";
    private static final String SUP2 = "acme:supervisor2";

    private JsonNode raise(WsTestClient agent) {
        Interaction ix = gw.startInteraction("acme", "agent1", Channel.VOICE);
        return ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other")).path("helpRequest");
    }

    @Test
    void onlyAvailableSupervisorsAreNotifiedAndABusyOneStillHasTheRequest() {
        String token2 = gw.signIn("acme", "supervisor2");
        try (WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1");
             WsTestClient sup2 = WsTestClient.connect(gw.streamUri(), token2);
             WsTestClient agent = Streams.open(gw, "acme", "agent1")) {
            sup2.hello();
            sup2.awaitType("snapshot");
            assertThat(gw.server().hub().of(SUP2)).isEqualTo(Presence.AVAILABLE);
            assertThat(ack(sup2.command("presence.set", "presence", "busy")).path("presence").asText())
                    .isEqualTo("busy");

            JsonNode hr = raise(agent);
            String id = hr.path("id").asText();
            assertThat(hr.path("assignedTo")).extracting(JsonNode::asText).containsExactly(SUP1, SUP2);
            JsonNode routed = hr.path("escalations").get(0);
            assertThat(routed.path("step").asText()).isEqualTo("routed");
            assertThat(routed.path("notified")).extracting(JsonNode::asText).containsExactly(SUP1);
            assertThat(hr.path("escalations")).hasSize(1);
            sup1.awaitFrame(notification("help.assigned", id), WsTestClient.WAIT);
            sup2.awaitFrame(helpUpdated(id, "PENDING"), WsTestClient.WAIT); // in the busy one's tray all the same
            Streams.barrier(sup2);
            assertThat(sup2.frames()).noneMatch(notification("help.assigned", id));
        }
    }

    @Test
    void withNobodyAvailableTheRequestEscalatesAtOnceAndTheAgentSeesIt() {
        try (WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1");
             WsTestClient agent = Streams.open(gw, "acme", "agent1")) {
            ack(sup1.command("presence.set", "presence", "away"));

            JsonNode hr = raise(agent);

            assertThat(hr.path("status").asText()).isEqualTo("PENDING");
            assertThat(hr.path("escalations")).extracting(e -> e.path("step").asText())
                    .containsExactly("routed", "escalated");
            assertThat(hr.path("escalations")).allSatisfy(e -> assertThat(e.path("notified")).isEmpty());
            JsonNode seen = agent.awaitFrame(helpUpdated(hr.path("id").asText(), "PENDING"), WsTestClient.WAIT);
            assertThat(seen.path("helpRequest").path("escalations")).hasSize(2);
            Streams.barrier(sup1);
            assertThat(sup1.frames()).noneMatch(Streams.type("notification"));
        }
    }

    @Test
    void presenceIsRememberedForTheSignInAndOfflineWithoutAStream() {
        assertThat(gw.server().hub().of(SUP1)).isEqualTo(Presence.OFFLINE);
        String token = gw.signIn("acme", "supervisor1");
        try (WsTestClient first = WsTestClient.connect(gw.streamUri(), token)) {
            first.hello();
            first.awaitType("snapshot");
            assertThat(gw.server().hub().of(SUP1)).isEqualTo(Presence.AVAILABLE);
            ack(first.command("presence.set", "presence", "busy"));
            Streams.assertError(first.command("presence.set", "presence", "offline"), "bad_request");
        }
        assertThat(gw.server().hub().of(SUP1)).isEqualTo(Presence.BUSY); // dropped, but resumable: still on shift

        try (WsTestClient again = WsTestClient.connect(gw.streamUri(), token)) {
            again.hello(); // a new stream of the same sign-in
            again.awaitType("snapshot");
            assertThat(gw.server().hub().of(SUP1)).isEqualTo(Presence.BUSY);
        }
        try (WsTestClient fresh = Streams.open(gw, "acme", "supervisor2");
             WsTestClient agent = Streams.open(gw, "acme", "agent1")) {
            assertThat(gw.server().hub().of(SUP2)).isEqualTo(Presence.AVAILABLE);
            Streams.assertError(agent.command("presence.set", "presence", "busy"), "forbidden");
        }
    }
}
