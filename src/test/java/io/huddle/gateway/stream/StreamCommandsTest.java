package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.ack;
import static io.huddle.gateway.stream.Streams.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.gateway.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command type's ack, and every kind of error, which never closes the socket. */
class StreamCommandsTest {
    @TempDir
    Path dir;
    TestGateway gw;
    WsTestClient sup;
    WsTestClient agent;
    Interaction ix;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir);
        ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
        sup = Streams.open(gw, "acme", "supervisor1");
        agent = Streams.open(gw, "acme", "agent1");
    }

    @AfterEach
    void stop() {
        sup.close();
        agent.close();
        gw.close();
    }

    @Test
    void pingViewAndUnviewAreAcked() {
        JsonNode ping = sup.command("ping");
        assertThat(ping.path("type").asText()).isEqualTo("ack");
        assertThat(ping.path("id").asText()).isEqualTo("cmd-1");
        assertThat(ping.path("serverTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(ping.path("result").isObject()).isTrue();
        assertThat(ping.has("seq")).as("replies are not numbered").isFalse();

        gw.server().platformSide().appendTranscript("acme", ix.id(), io.huddle.domain.TranscriptLine.Speaker.CUSTOMER,
                "hello?");
        JsonNode view = ack(sup.command("view", "interactionId", ix.id()));
        assertThat(view.path("interaction").path("id").asText()).isEqualTo(ix.id());
        assertThat(view.path("controls").path("monitor").path("enabled").asBoolean()).isTrue();
        assertThat(view.path("controls").path("disconnect").path("enabled").asBoolean()).isFalse();
        assertThat(view.path("controls").path("disconnect").path("reason").asText()).isNotBlank();
        assertThat(view.has("helpRequest")).isTrue();
        assertThat(view.path("helpRequest").isNull()).isTrue();
        assertThat(view.path("transcript")).extracting(l -> l.path("text").asText()).containsExactly("hello?");

        JsonNode controls = ack(sup.command("controls", "interactionId", ix.id()));
        assertThat(controls.path("controls").path("monitor").path("enabled").asBoolean()).isTrue();
        assertThat(controls.path("helpRequest").isNull()).isTrue();
        assertThat(controls.has("transcript")).as("a refresh does not ship the transcript").isFalse();

        assertThat(ack(sup.command("unview")).isEmpty()).isTrue();
    }

    @Test
    void helpCommandsAreAckedWithTheRequest() {
        JsonNode raised = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other",
                "comment", "  please  ")).path("helpRequest");
        String hr = raised.path("id").asText();
        assertThat(raised.path("status").asText()).isEqualTo("PENDING");
        assertThat(raised.path("comment").asText()).isEqualTo("please");
        assertThat(raised.path("interactionId").asText()).isEqualTo(ix.id());

        JsonNode view = ack(sup.command("view", "interactionId", ix.id()));
        assertThat(view.path("helpRequest").path("id").asText()).isEqualTo(hr);
        assertThat(view.path("controls").path("coach").path("enabled").asBoolean()).isFalse();

        JsonNode accepted = ack(sup.command("help.accept", "helpRequestId", hr)).path("helpRequest");
        assertThat(accepted.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.path("helpProvidedByName").asText()).isEqualTo("Supervisor One");

        JsonNode closed = ack(agent.command("help.close", "helpRequestId", hr)).path("helpRequest");
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("endReason").asText()).isEqualTo("AGENT_CLOSED");

        String again = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other"))
                .path("helpRequest").path("id").asText();
        JsonNode cancelled = ack(agent.command("help.cancel", "helpRequestId", again)).path("helpRequest");
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("endReason").asText()).isEqualTo("AGENT_CANCELLED");
    }

    @Test
    void actionAndMessageAreAcked() {
        JsonNode coach = ack(sup.command("action", "interactionId", ix.id(), "action", "coach"));
        assertThat(coach.path("action").path("action").asText()).isEqualTo("COACH");
        assertThat(coach.path("action").path("supervisorId").asText()).isEqualTo("acme:supervisor1");
        assertThat(coach.path("action").path("agentId").asText()).isEqualTo("acme:agent1");
        assertThat(coach.path("action").path("interactionId").asText()).isEqualTo(ix.id());
        assertThat(coach.path("action").path("endedAt").isNull()).isTrue();
        assertThat(coach.path("controls").path("coach").path("enabled").asBoolean()).isFalse();
        assertThat(coach.path("controls").path("disconnect").path("enabled").asBoolean()).isTrue();

        JsonNode line = ack(sup.command("message.send", "interactionId", ix.id(), "text", "offer the refund"))
                .path("line");
        assertThat(line.path("audience").asText()).isEqualTo("AGENT");
        assertThat(line.path("from").asText()).isEqualTo("SUPERVISOR");
        assertThat(line.path("text").asText()).isEqualTo("offer the refund");

        JsonNode off = ack(sup.command("action", "interactionId", ix.id(), "action", "DISCONNECT"));
        assertThat(off.path("action").path("endedAt").isNull()).isFalse();
        assertThat(off.path("controls").path("disconnect").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void anActionNamesItsHelpRequestOnlyIfItIsThisOnesAndInProgressWithYou() {
        String hr = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other"))
                .path("helpRequest").path("id").asText();
        Interaction other = gw.startInteraction("acme", "agent2", Channel.CHAT);
        String otherHr = gw.server().helpLifecycle().raiseHelp(gw.user("acme", "agent2"), other.id(), "Other", null).id();
        Interaction globex = gw.startInteraction("globex", "agent1", Channel.CHAT);
        String globexHr = gw.server().helpLifecycle().raiseHelp(gw.user("globex", "agent1"), globex.id(), "Other", null).id();

        assertError(sup.command("action", "interactionId", ix.id(), "action", "COACH", "helpRequestId", hr),
                "conflict");
        ack(sup.command("help.accept", "helpRequestId", hr));
        assertError(sup.command("action", "interactionId", ix.id(), "action", "COACH", "helpRequestId", globexHr),
                "not_found");
        assertBadRequest(sup.command("action", "interactionId", ix.id(), "action", "COACH",
                "helpRequestId", otherHr), "helpRequestId");
        JsonNode coach = ack(sup.command("action", "interactionId", ix.id(), "action", "COACH",
                "helpRequestId", hr));
        assertThat(coach.path("action").path("helpRequestId").asText()).isEqualTo(hr);
        JsonNode barge = ack(sup.command("action", "interactionId", ix.id(), "action", "BARGE_IN"));
        assertThat(barge.path("action").path("helpRequestId").asText()).as("the accepted request by default")
                .isEqualTo(hr);
    }

    @Test
    void badRequestsNameTheFieldAndKeepTheSocketOpen() {
        assertBadRequest(sup.command("view"), "interactionId");
        assertBadRequest(sup.command("view", "interactionId", 42), "interactionId");
        assertBadRequest(sup.command("help.accept"), "helpRequestId");
        assertBadRequest(sup.command("action", "interactionId", ix.id()), "action");
        assertBadRequest(sup.command("action", "interactionId", ix.id(), "action", "JUMP"), "action");
        assertBadRequest(sup.command("message.send", "interactionId", ix.id()), "text");
        assertBadRequest(agent.command("help.request", "interactionId", ix.id()), "reason");
        assertBadRequest(agent.command("help.request", "interactionId", ix.id(), "reason", "x".repeat(501)),
                "reason");
        assertBadRequest(agent.command("help.cancel", "helpRequestId", true), "helpRequestId");
        assertError(sup.command("teleport"), "bad_request");
        assertThat(sup.command("teleport").path("message").asText()).contains("teleport");
        Streams.barrier(sup);
        Streams.barrier(agent);
    }

    @Test
    void aCommandThatCannotBeReadIsRefusedWithItsIdAndWhy() {
        JsonNode notAString = sup.commandWithId("bad-1", "view", "interactionId", 42);
        assertError(notAString, "bad_request");
        assertThat(notAString.path("id").asText()).isEqualTo("bad-1");
        assertThat(notAString.path("message").asText()).isEqualTo("field 'interactionId' must be a string");
        JsonNode missing = sup.commandWithId("bad-2", "help.close");
        assertThat(missing.path("id").asText()).isEqualTo("bad-2");
        assertThat(missing.path("message").asText()).isEqualTo("field 'helpRequestId' is required");
        JsonNode unknown = sup.commandWithId("bad-3", "teleport");
        assertThat(unknown.path("id").asText()).isEqualTo("bad-3");
        assertThat(unknown.path("message").asText()).isEqualTo("unknown command type 'teleport'");
        JsonNode lowercase = ack(sup.commandWithId("ok-1", "action", "interactionId", ix.id(), "action", "monitor"));
        assertThat(lowercase.path("action").path("action").asText()).isEqualTo("MONITOR");
        assertThat(sup.isOpen()).isTrue();
    }

    private static void assertBadRequest(JsonNode reply, String field) {
        assertError(reply, "bad_request");
        assertThat(reply.path("message").asText()).contains("'" + field + "'");
    }

    @Test
    void framesWithoutAUsableIdAreAnsweredWithIdNull() {
        for (String frame : new String[] {"{not json", "{\"type\":\"ping\"}", "{\"type\":\"ping\",\"id\":7}",
                "{\"type\":\"ping\",\"id\":\"\"}", "{\"type\":\"ping\",\"id\":\"" + "x".repeat(65) + "\"}", "[1]",
                "\"hello\""}) {
            int errors = (int) sup.frames().stream().filter(Streams.type("error")).count();
            sup.send(frame);
            JsonNode reply = sup.awaitCount(Streams.type("error"), errors + 1, WsTestClient.WAIT).get(errors);
            assertError(reply, "bad_request");
            assertThat(reply.has("id")).as(frame).isTrue();
            assertThat(reply.path("id").isNull()).as(frame).isTrue();
        }
        Streams.barrier(sup);
        assertThat(sup.isOpen()).isTrue();
    }

    @Test
    void anotherTenantsOrDomainsIdsAreNotFoundNeverForbidden() {
        String hr = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other"))
                .path("helpRequest").path("id").asText();
        try (WsTestClient globex = Streams.open(gw, "globex", "supervisor1");
             WsTestClient globexAgent = Streams.open(gw, "globex", "agent1");
             WsTestClient sales = Streams.open(gw, "acme", "salessupervisor1");
             WsTestClient agent2 = Streams.open(gw, "acme", "agent2")) {
            for (WsTestClient other : new WsTestClient[] {globex, sales}) {
                assertError(other.command("view", "interactionId", ix.id()), "not_found");
                assertError(other.command("controls", "interactionId", ix.id()), "not_found");
                assertError(other.command("help.accept", "helpRequestId", hr), "not_found");
                assertError(other.command("action", "interactionId", ix.id(), "action", "MONITOR"), "not_found");
                assertError(other.command("message.send", "interactionId", ix.id(), "text", "hi"), "not_found");
                assertError(other.command("view", "interactionId", "ix-does-not-exist"), "not_found");
            }
            assertError(globexAgent.command("help.request", "interactionId", ix.id(), "reason", "Other"),
                    "not_found");
            assertError(globexAgent.command("help.cancel", "helpRequestId", hr), "not_found");
            assertError(agent2.command("view", "interactionId", ix.id()), "not_found");
            assertError(agent2.command("help.request", "interactionId", ix.id(), "reason", "Other"), "not_found");
            assertError(agent2.command("help.close", "helpRequestId", hr), "not_found");
            Streams.barrier(globex);
        }
        // nothing was applied: the request is still pending and nobody is on the interaction
        JsonNode view = ack(sup.command("view", "interactionId", ix.id()));
        assertThat(view.path("helpRequest").path("status").asText()).isEqualTo("PENDING");
        assertThat(view.path("interaction").path("participants")).hasSize(2);
    }

    @Test
    void conflictsAreReportedAndNothingChanges() {
        String hr = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other"))
                .path("helpRequest").path("id").asText();
        assertError(agent.command("help.request", "interactionId", ix.id(), "reason", "Other"), "conflict");
        assertError(sup.command("action", "interactionId", ix.id(), "action", "COACH"), "conflict");
        ack(sup.command("help.accept", "helpRequestId", hr));
        try (WsTestClient sup2 = Streams.open(gw, "acme", "supervisor2")) {
            JsonNode lost = sup2.command("help.accept", "helpRequestId", hr);
            assertError(lost, "conflict");
            assertThat(lost.path("message").asText()).contains("Supervisor One");
            ack(sup2.command("action", "interactionId", ix.id(), "action", "MONITOR"));
            assertError(sup2.command("message.send", "interactionId", ix.id(), "text", "psst"), "conflict");
            assertError(sup2.command("action", "interactionId", ix.id(), "action", "MONITOR"), "conflict");
        }
        assertError(sup.command("message.send", "interactionId", ix.id(), "text", "hi"), "conflict");
        Streams.barrier(sup);
    }

    @Test
    void theWrongRoleIsForbidden() {
        assertError(agent.command("action", "interactionId", ix.id(), "action", "MONITOR"), "forbidden");
        assertError(agent.command("message.send", "interactionId", ix.id(), "text", "hi"), "forbidden");
        String hr = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other"))
                .path("helpRequest").path("id").asText();
        assertError(agent.command("help.accept", "helpRequestId", hr), "forbidden");
        assertError(sup.command("help.request", "interactionId", ix.id(), "reason", "Other"), "forbidden");
        assertError(sup.command("help.cancel", "helpRequestId", hr), "forbidden");
        try (WsTestClient auditor = Streams.open(gw, "acme", "auditor1")) {
            assertError(auditor.command("help.accept", "helpRequestId", hr), "forbidden");
            assertError(auditor.command("action", "interactionId", ix.id(), "action", "MONITOR"), "forbidden");
            ack(auditor.command("view", "interactionId", ix.id()));
        }
        Streams.barrier(agent);
        Streams.barrier(sup);
    }
}
