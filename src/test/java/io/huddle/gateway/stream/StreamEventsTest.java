package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.ack;
import static io.huddle.gateway.stream.Streams.helpUpdated;
import static io.huddle.gateway.stream.Streams.interactionUpdated;
import static io.huddle.gateway.stream.Streams.notification;
import static io.huddle.gateway.stream.Streams.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.gateway.GatewayTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events reach which stream, in which order, with which sequence numbers. */
class StreamEventsTest extends GatewayTest {
    /** What {@link #helpFlow} did, for the assertions. */
    record Flow(Interaction ix, String cancelled, String accepted) {
    }

    /**
     * A whole help flow in acme support, driven through agent1's and supervisor1's streams: a new
     * interaction, a request that is cancelled, a second one that supervisor1 accepts, then the
     * interaction ends. Returns once supervisor1's stream has seen the end.
     */
    private Flow helpFlow(WsTestClient agent, WsTestClient sup1) {
        Interaction ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
        JsonNode first = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Policy question"));
        String cancelled = first.path("helpRequest").path("id").asText();
        ack(agent.command("help.cancel", "helpRequestId", cancelled));
        JsonNode second = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other",
                "comment", "customer is upset"));
        String accepted = second.path("helpRequest").path("id").asText();
        ack(sup1.command("help.accept", "helpRequestId", accepted));
        gw.server().platformSide().endInteraction("acme", ix.id());
        sup1.awaitFrame(f -> type("interaction.ended").test(f) && f.path("interactionId").asText().equals(ix.id()),
                WsTestClient.WAIT);
        return new Flow(ix, cancelled, accepted);
    }

    @Test
    void aSupervisorsStreamFollowsTheHelpFlowInOrderWithoutGaps() {
        try (WsTestClient agent = Streams.open(gw, "acme", "agent1");
             WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1");
             WsTestClient sup2 = Streams.open(gw, "acme", "supervisor2")) {
            Flow flow = helpFlow(agent, sup1);
            String ix = flow.ix().id();

            List<JsonNode> events = sup1.events();
            assertThat(events).extracting(f -> f.path("type").asText() + describe(f)).containsExactly(
                    "interaction.updated helpRequested=false",
                    "interaction.updated helpRequested=true",
                    "help.updated PENDING",
                    "notification help.assigned",
                    "interaction.updated helpRequested=false",
                    "help.updated CANCELLED",
                    "notification help.cancelled",
                    "interaction.updated helpRequested=true",
                    "help.updated PENDING",
                    "notification help.assigned",
                    "interaction.updated helpRequested=false",
                    "help.updated IN_PROGRESS",
                    "help.updated CLOSED",
                    "interaction.ended");
            assertThat(events).allSatisfy(f -> assertThat(f.toString()).contains(ix));
            Streams.assertGapless(sup1);

            JsonNode assigned = sup1.awaitFrame(notification("help.assigned", flow.accepted()), WsTestClient.WAIT);
            assertThat(assigned.path("interactionId").asText()).isEqualTo(ix);
            assertThat(assigned.path("text").asText()).contains("Agent One").contains("Other");
            JsonNode closed = sup1.awaitFrame(helpUpdated(flow.accepted(), "CLOSED"), WsTestClient.WAIT);
            assertThat(closed.path("helpRequest").path("endReason").asText()).isEqualTo("INTERACTION_ENDED");
            assertThat(closed.path("helpRequest").path("helpProvidedBy").asText()).isEqualTo("acme:supervisor1");

            // the other assignee learns who won; the winner is not told about their own acceptance
            JsonNode won = sup2.awaitFrame(notification("help.accepted", flow.accepted()), WsTestClient.WAIT);
            assertThat(won.path("text").asText()).contains("Supervisor One");
            sup2.awaitFrame(notification("help.cancelled", flow.cancelled()), WsTestClient.WAIT);
            sup2.awaitFrame(type("interaction.ended"), WsTestClient.WAIT);
            assertThat(sup1.frames()).noneMatch(type("notification").and(f -> f.path("kind").asText()
                    .equals("help.accepted")));
            Streams.assertGapless(sup2);

            // the agent sees their own work, but no notification meant for supervisors
            agent.awaitFrame(type("interaction.ended"), WsTestClient.WAIT);
            assertThat(agent.frames()).noneMatch(type("notification"));
            assertThat(agent.frames()).anyMatch(helpUpdated(flow.accepted(), "IN_PROGRESS"));
            Streams.assertGapless(agent);
        }
    }

    private static String describe(JsonNode f) {
        return switch (f.path("type").asText()) {
            case "interaction.updated" -> " helpRequested=" + f.path("interaction").path("helpRequested").asBoolean();
            case "help.updated" -> " " + f.path("helpRequest").path("status").asText();
            case "notification" -> " " + f.path("kind").asText();
            default -> "";
        };
    }

    /**
     * While a command runs, its own stream's frames wait for the socket's thread, which then sends them with the
     * ack; meanwhile the platform keeps publishing to that stream from another thread. Every numbered frame must
     * still arrive once, in order, and every command get its one reply.
     */
    @Test
    void framesStayInOrderWhileCommandsAreAnsweredOnTheSocketsThread() throws Exception {
        Interaction ix = gw.startInteraction("acme", "agent1", Channel.VOICE);
        Interaction busy = gw.startInteraction("acme", "agent2", Channel.CHAT);
        try (WsTestClient sup = Streams.open(gw, "acme", "supervisor1")) {
            int changes = 400;
            Thread platform = new Thread(() -> {
                for (int i = 0; i < changes; i++) {
                    gw.server().platformSide().changeState("acme", busy.id(),
                            i % 2 == 0 ? io.huddle.domain.InteractionState.ON_HOLD : io.huddle.domain.InteractionState.ACTIVE);
                }
            });
            platform.start();
            int commands = 0;
            for (int i = 0; i < 15; i++) {
                ack(sup.command("action", "interactionId", ix.id(), "action", i % 2 == 0 ? "MONITOR" : "DISCONNECT"));
                ack(sup.command("ping"));
                commands += 2;
            }
            platform.join();
            ack(sup.command("ping")); // with nothing else queued, only the socket's thread can send this ack
            commands++;
            sup.awaitCount(f -> interactionUpdated(busy.id()).test(f), changes, WsTestClient.WAIT);
            List<Long> seqs = sup.frames().stream().filter(f -> f.has("seq") && !type("snapshot").test(f)
                    && !type("welcome").test(f)).map(f -> f.path("seq").asLong()).toList();
            assertThat(seqs).isNotEmpty();
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("frame %d of %d", i, seqs.size()).isEqualTo(seqs.get(0) + i);
            }
            long replies = sup.frames().stream().filter(f -> type("ack").test(f) || type("error").test(f)).count();
            assertThat(replies).isEqualTo(commands);
        }
    }

    @Test
    void notificationsGoToTheDomainsSupervisorsOnly() {
        try (WsTestClient agent = Streams.open(gw, "acme", "agent1");
             WsTestClient sup2 = Streams.open(gw, "acme", "supervisor2");
             WsTestClient auditor = Streams.open(gw, "acme", "auditor1");
             WsTestClient agent2 = Streams.open(gw, "acme", "agent2")) {
            Interaction ix = gw.startInteraction("acme", "agent1", Channel.VOICE);
            JsonNode hr = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other"))
                    .path("helpRequest");
            assertThat(hr.path("assignedTo")).extracting(JsonNode::asText)
                    .containsExactly("acme:supervisor1", "acme:supervisor2");
            sup2.awaitFrame(notification("help.assigned", hr.path("id").asText()), WsTestClient.WAIT);

            // the auditor sees the request change but is not asked to help; agent2 sees none of it
            auditor.awaitFrame(helpUpdated(hr.path("id").asText(), "PENDING"), WsTestClient.WAIT);
            Streams.barrier(auditor);
            Streams.barrier(agent2);
            assertThat(auditor.frames()).noneMatch(type("notification"));
            assertThat(agent2.events()).isEmpty();
        }
    }

    @Test
    void aGlobexStreamNeverReceivesAnAcmeEvent() {
        try (WsTestClient globexSup = Streams.open(gw, "globex", "supervisor1");
             WsTestClient globexAgent = Streams.open(gw, "globex", "agent1");
             WsTestClient agent = Streams.open(gw, "acme", "agent1");
             WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1")) {
            helpFlow(agent, sup1);
            assertOnlyHeartbeats(globexSup);
            assertOnlyHeartbeats(globexAgent);
        }
    }

    @Test
    void anAcmeSalesSupervisorReceivesNothingFromAcmeSupport() {
        try (WsTestClient sales = Streams.open(gw, "acme", "salessupervisor1");
             WsTestClient agent = Streams.open(gw, "acme", "agent1");
             WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1")) {
            helpFlow(agent, sup1);
            assertOnlyHeartbeats(sales);
        }
    }

    /** After the opening frames, nothing but heartbeats (and the barrier's own ack). */
    private static void assertOnlyHeartbeats(WsTestClient c) {
        JsonNode snapshot = c.awaitType("snapshot");
        assertThat(snapshot.path("interactions")).isEmpty();
        assertThat(snapshot.path("helpRequests")).isEmpty();
        Streams.barrier(c);
        assertThat(c.frames()).allMatch(f -> List.of("welcome", "snapshot", "heartbeat", "ack")
                .contains(f.path("type").asText()), "only heartbeats after the snapshot");
        assertThat(c.events()).isEmpty();
    }

    @Test
    void aNewInteractionOfAnotherAgentReachesSupervisorsNotThatAgentsPeers() {
        try (WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1");
             WsTestClient agent2 = Streams.open(gw, "acme", "agent2");
             WsTestClient agent1 = Streams.open(gw, "acme", "agent1")) {
            Interaction ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
            JsonNode seen = sup1.awaitFrame(interactionUpdated(ix.id()), WsTestClient.WAIT);
            assertThat(seen.path("interaction").path("agentId").asText()).isEqualTo("acme:agent1");
            agent1.awaitFrame(interactionUpdated(ix.id()), WsTestClient.WAIT);
            Streams.barrier(agent2);
            assertThat(agent2.events()).isEmpty();
        }
    }
}
