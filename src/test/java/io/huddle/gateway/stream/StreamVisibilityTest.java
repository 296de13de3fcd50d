package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.ack;
import static io.huddle.gateway.stream.Streams.interactionUpdated;
import static io.huddle.gateway.stream.Streams.line;
import static io.huddle.gateway.stream.Streams.participant;
import static io.huddle.gateway.stream.Streams.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.Participant;
import io.huddle.domain.TranscriptLine;
import io.huddle.gateway.TestGateway;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's key promise: silent monitoring is silent. The agent learns of a supervisor only when they
 * coach or barge in, the customer only of a barge-in, and transcripts reach supervisors who look.
 */
class StreamVisibilityTest {
    private static final String SUP1 = "acme:supervisor1";

    @TempDir
    Path dir;
    TestGateway gw;
    Interaction ix;
    WsTestClient agent;
    WsTestClient sup1;
    WsTestClient sup2;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir);
        ix = gw.startInteraction("acme", "agent1", Channel.VOICE);
        agent = Streams.open(gw, "acme", "agent1");
        sup1 = Streams.open(gw, "acme", "supervisor1");
        sup2 = Streams.open(gw, "acme", "supervisor2");
    }

    @AfterEach
    void stop() {
        agent.close();
        sup1.close();
        sup2.close();
        gw.close();
    }

    private JsonNode act(String action) {
        return ack(sup1.command("action", "interactionId", ix.id(), "action", action));
    }

    /** sup2's stream has shown supervisor1 on the interaction in this mode (or gone, for null). */
    private void supervisorsSee(String mode) {
        sup2.awaitFrame(interactionUpdated(ix.id()).and(f -> mode == null ? participant(f, SUP1).isMissingNode()
                : mode.equals(participant(f, SUP1).path("mode").asText())), WsTestClient.WAIT);
    }

    /**
     * Proves the agent's stream got nothing new: a ping answered on it shows every frame sent before has
     * arrived; then a short quiet window ({@link Streams#QUIET}) in case something were sent later.
     */
    private void agentGotNothingSince(int framesBefore) throws InterruptedException {
        Streams.barrier(agent);
        Thread.sleep(Streams.QUIET.toMillis());
        List<JsonNode> since = agent.frames().subList(framesBefore, agent.frames().size());
        assertThat(since).as("frames to the agent").allMatch(f -> type("heartbeat").test(f)
                || (type("ack").test(f) && f.path("result").isEmpty()));
    }

    private List<JsonNode> agentLines() {
        return agent.frames().stream().filter(type("transcript.appended")).map(f -> f.path("line")).toList();
    }

    @Test
    void monitoringSendsTheAgentNothingAtAll() throws InterruptedException {
        int before = agent.frames().size();
        JsonNode monitor = act("MONITOR");
        assertThat(monitor.path("action").path("action").asText()).isEqualTo("MONITOR");
        supervisorsSee("MONITOR");
        JsonNode seen = sup1.awaitFrame(interactionUpdated(ix.id()), WsTestClient.WAIT);
        assertThat(participant(seen, SUP1).path("audio").asText()).isEqualTo("LISTEN");
        agentGotNothingSince(before);

        // ...nor when the monitor leaves again
        before = agent.frames().size();
        act("DISCONNECT");
        supervisorsSee(null);
        agentGotNothingSince(before);
        assertThat(agent.frames().toString()).doesNotContain(SUP1).doesNotContain("MONITOR");
    }

    @Test
    void whatTheAgentAsksForDoesNotRevealAMonitorEither() {
        act("MONITOR");
        JsonNode view = ack(agent.command("view", "interactionId", ix.id()));
        assertThat(view.path("interaction").path("participants")).hasSize(2);
        var rest = gw.call("GET", "/api/v1/interactions/" + ix.id(), gw.signIn("acme", "agent1"), null);
        assertThat(rest.body()).doesNotContain(SUP1);
        assertThat(agent.frames().toString()).doesNotContain(SUP1).doesNotContain("MONITOR");
    }

    @Test
    void coachingIsShownToTheAgentAndWhispersReachOnlyTheAgent() throws InterruptedException {
        act("COACH");
        JsonNode coached = agent.awaitFrame(interactionUpdated(ix.id()), WsTestClient.WAIT);
        assertThat(participant(coached, SUP1).path("mode").asText()).isEqualTo("COACH");
        assertThat(participant(coached, SUP1).path("audio").asText()).isEqualTo("WHISPER");
        JsonNode notice = agent.awaitFrame(line("is coaching you"), WsTestClient.WAIT).path("line");
        assertThat(notice.path("audience").asText()).isEqualTo("AGENT");
        assertThat(notice.path("from").asText()).isEqualTo("SYSTEM");

        ack(sup1.command("message.send", "interactionId", ix.id(), "text", "offer the refund"));
        JsonNode whisper = agent.awaitFrame(line("offer the refund"), WsTestClient.WAIT).path("line");
        assertThat(whisper.path("audience").asText()).isEqualTo("AGENT");
        assertThat(whisper.path("from").asText()).isEqualTo("SUPERVISOR");
        assertThat(whisper.path("authorName").asText()).isEqualTo("Supervisor One");
        sup1.awaitFrame(line("offer the refund"), WsTestClient.WAIT); // on the leg, so it sees its lines

        // the customer's side: no coach among the participants, no line meant for the agent
        Interaction live = gw.server().platformSide().liveInteractions("acme").stream()
                .filter(i -> i.id().equals(ix.id())).findFirst().orElseThrow();
        assertThat(live.customerView()).extracting(Participant::kind)
                .containsExactlyInAnyOrder(Participant.Kind.CUSTOMER, Participant.Kind.AGENT);
        assertThat(agentLines()).filteredOn(l -> l.path("audience").asText().equals("ALL")).isEmpty();

        // supervisor2 neither views the interaction nor is on it: no transcript
        Streams.barrier(sup2);
        assertThat(sup2.frames()).noneMatch(type("transcript.appended"));
        supervisorsSee("COACH");
    }

    @Test
    void theAgentsUpdatesNeverListASilentMonitorBesideAVisibleChange() {
        ack(sup2.command("action", "interactionId", ix.id(), "action", "MONITOR"));
        act("COACH");
        gw.server().platformSide().changeState("acme", ix.id(), io.huddle.domain.InteractionState.ON_HOLD);
        agent.awaitFrame(interactionUpdated(ix.id()).and(f -> f.path("interaction").path("state").asText()
                .equals("ON_HOLD")), WsTestClient.WAIT);
        List<JsonNode> updates = agent.frames().stream().filter(interactionUpdated(ix.id())).toList();
        assertThat(updates).hasSize(2).allSatisfy(u -> {
            assertThat(participant(u, "acme:supervisor2").isMissingNode()).isTrue();
            assertThat(participant(u, SUP1).path("mode").asText()).isEqualTo("COACH");
        });
        // supervisors (and auditors) do see the monitor
        JsonNode full = sup1.awaitFrame(interactionUpdated(ix.id()).and(f -> f.path("interaction").path("state")
                .asText().equals("ON_HOLD")), WsTestClient.WAIT);
        assertThat(participant(full, "acme:supervisor2").path("mode").asText()).isEqualTo("MONITOR");
    }

    @Test
    void bargingInIsShownToTheAgentAndTheCustomer() {
        act("BARGE_IN");
        JsonNode barged = agent.awaitFrame(interactionUpdated(ix.id()), WsTestClient.WAIT);
        assertThat(participant(barged, SUP1).path("mode").asText()).isEqualTo("BARGE_IN");
        assertThat(participant(barged, SUP1).path("audio").asText()).isEqualTo("CONFERENCE");
        JsonNode joined = agent.awaitFrame(line("joined the conversation"), WsTestClient.WAIT).path("line");
        assertThat(joined.path("audience").asText()).isEqualTo("ALL");

        ack(sup1.command("message.send", "interactionId", ix.id(), "text", "I can help with that"));
        JsonNode said = agent.awaitFrame(line("I can help with that"), WsTestClient.WAIT).path("line");
        assertThat(said.path("audience").asText()).isEqualTo("ALL");
        Interaction live = gw.server().platformSide().liveInteractions("acme").get(0);
        assertThat(live.customerView()).extracting(Participant::id).contains(SUP1);
    }

    @Test
    void switchingFromCoachToMonitorReadsToTheAgentAsLeaving() throws InterruptedException {
        act("COACH");
        agent.awaitFrame(line("is coaching you"), WsTestClient.WAIT);
        act("MONITOR");
        supervisorsSee("MONITOR");

        List<JsonNode> updates = agent.awaitCount(interactionUpdated(ix.id()), 2, WsTestClient.WAIT);
        Streams.barrier(agent);
        assertThat(agent.frames().stream().filter(interactionUpdated(ix.id()))).hasSize(2);
        assertThat(participant(updates.get(1), SUP1).isMissingNode()).as("the coach is gone").isTrue();
        assertThat(updates.get(1).path("interaction").path("participants")).hasSize(2);
        JsonNode stopped = agent.awaitFrame(line("stopped coaching"), WsTestClient.WAIT).path("line");
        assertThat(stopped.path("audience").asText()).isEqualTo("AGENT");
        assertThat(agent.frames().toString()).doesNotContain("MONITOR");

        int before = agent.frames().size();
        act("DISCONNECT");
        supervisorsSee(null);
        agentGotNothingSince(before);
    }

    @Test
    void transcriptLinesReachASupervisorOnlyWhileViewingOrOnALeg() {
        Interaction other = gw.startInteraction("acme", "agent2", Channel.CHAT);
        say(ix, "one");
        agent.awaitFrame(line("one"), WsTestClient.WAIT);

        JsonNode view = ack(sup1.command("view", "interactionId", ix.id()));
        assertThat(view.path("transcript")).extracting(l -> l.path("text").asText()).containsExactly("one");
        say(ix, "two");
        sup1.awaitFrame(line("two"), WsTestClient.WAIT);

        ack(sup1.command("view", "interactionId", other.id()));
        say(ix, "three");
        say(other, "elsewhere");
        sup1.awaitFrame(line("elsewhere"), WsTestClient.WAIT);

        ack(sup1.command("unview"));
        say(other, "four");
        ack(sup2.command("action", "interactionId", ix.id(), "action", "MONITOR"));
        say(ix, "five");
        sup2.awaitFrame(line("five"), WsTestClient.WAIT);
        agent.awaitFrame(line("five"), WsTestClient.WAIT); // each stream gets it in its own time

        Streams.barrier(sup1);
        Streams.barrier(sup2);
        assertThat(texts(sup1)).containsExactly("two", "elsewhere");
        assertThat(texts(sup2)).containsExactly("five");
        assertThat(agentLines()).extracting(l -> l.path("text").asText())
                .containsExactly("one", "two", "three", "five");
    }

    private void say(Interaction on, String text) {
        gw.server().platformSide().appendTranscript("acme", on.id(), TranscriptLine.Speaker.CUSTOMER, text);
    }

    private static List<String> texts(WsTestClient c) {
        return c.frames().stream().filter(type("transcript.appended"))
                .map(f -> f.path("line").path("text").asText()).toList();
    }
}
