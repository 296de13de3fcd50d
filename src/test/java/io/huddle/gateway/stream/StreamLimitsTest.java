package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.ack;
import static io.huddle.gateway.stream.Streams.assertError;
import static io.huddle.gateway.stream.Streams.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.gateway.TestGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-sent commands, the rate limit, the frame size limit and the error budget. */
class StreamLimitsTest {
    @TempDir
    Path dir;
    TestGateway gw;
    Interaction ix;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir);
        ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private int actionsOn(String interactionId, String token) {
        var r = gw.call("GET", "/api/v1/actions?interactionId=" + interactionId, token, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return TestGateway.json(r.body()).path("items").size();
    }

    @Test
    void aReSentCommandIdGetsTheOriginalReplyAndIsNotAppliedTwice() {
        String token = gw.signIn("acme", "supervisor1");
        try (WsTestClient agent = Streams.open(gw, "acme", "agent1");
             WsTestClient sup = WsTestClient.connect(gw.streamUri(), token)) {
            sup.hello();
            String hr = ack(agent.command("help.request", "interactionId", ix.id(), "reason", "Other"))
                    .path("helpRequest").path("id").asText();

            JsonNode accepted = sup.commandWithId("accept-1", "help.accept", "helpRequestId", hr);
            ack(accepted);
            JsonNode monitor = sup.commandWithId("act-1", "action", "interactionId", ix.id(), "action", "MONITOR");
            ack(monitor);
            int eventsBefore = sup.events().size();

            // the same ids again on the same socket: applied twice these would be conflicts
            assertThat(sup.commandWithId("accept-1", "help.accept", "helpRequestId", hr)).isEqualTo(accepted);
            assertThat(sup.commandWithId("act-1", "action", "interactionId", ix.id(), "action", "MONITOR"))
                    .isEqualTo(monitor);
            // even with a different body: the id names the command
            assertThat(sup.commandWithId("act-1", "action", "interactionId", ix.id(), "action", "BARGE_IN"))
                    .isEqualTo(monitor);
            Streams.barrier(sup);
            assertThat(sup.events()).as("a replay causes no event").hasSize(eventsBefore);
            assertThat(actionsOn(ix.id(), token)).isEqualTo(1);
        }

        // after a reconnect (a new socket, a new stream) the reply is still the original one
        try (WsTestClient again = WsTestClient.connect(gw.streamUri(), token)) {
            again.hello();
            JsonNode replay = again.commandWithId("act-1", "action", "interactionId", ix.id(), "action", "MONITOR");
            assertThat(replay.path("type").asText()).isEqualTo("ack");
            assertThat(replay.path("result").path("action").path("action").asText()).isEqualTo("MONITOR");
            assertThat(actionsOn(ix.id(), token)).isEqualTo(1);
        }
    }

    @Test
    void aReSentFailedCommandGetsTheSameErrorAndIdsArePerUser() {
        try (WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1");
             WsTestClient sup2 = Streams.open(gw, "acme", "supervisor2")) {
            JsonNode failed = sup1.commandWithId("x", "message.send", "interactionId", ix.id(), "text", "hi");
            assertError(failed, "conflict");
            ack(sup1.command("action", "interactionId", ix.id(), "action", "BARGE_IN"));
            // now it would succeed, but the id was already answered
            assertThat(sup1.commandWithId("x", "message.send", "interactionId", ix.id(), "text", "hi"))
                    .isEqualTo(failed);
            // another user's "x" is another command
            ack(sup2.commandWithId("x", "ping"));
        }
    }

    @Test
    void sixtyCommandsAtOnceAreAnsweredEachOnceAndSomeAreRateLimited() {
        try (WsTestClient sup = Streams.open(gw, "acme", "supervisor1")) {
            List<String> ids = IntStream.rangeClosed(1, 60).mapToObj(i -> "burst-" + i).toList();
            ids.forEach(id -> sup.send(WsTestClient.frame("ping", "id", id)));
            List<JsonNode> replies = sup.awaitCount(f -> f.path("id").asText().startsWith("burst-"), 60,
                    WsTestClient.WAIT);
            assertThat(replies).extracting(f -> f.path("id").asText()).containsExactlyInAnyOrderElementsOf(ids);
            List<JsonNode> limited = replies.stream().filter(type("error")).toList();
            assertThat(limited).isNotEmpty().allSatisfy(f -> assertError(f, "rate_limited"));
            assertThat(replies.stream().filter(type("ack")).count()).isBetween(50L, 59L);
            assertThat(sup.isOpen()).isTrue();
        }
    }

    @Test
    void aFrameOfUpTo64KiBIsReadAndALargerOneClosesWith1009() {
        try (WsTestClient sup = Streams.open(gw, "acme", "supervisor1")) {
            String head = "{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"";
            String fits = head + "x".repeat(64 * 1024 - head.length() - 2) + "\"}";
            assertThat(fits).hasSize(64 * 1024);
            sup.send(fits);
            ack(sup.awaitFrame(f -> WsTestClient.isReplyTo(f, "big"), WsTestClient.WAIT));

            String tooBig = head + "x".repeat(64 * 1024 - head.length() - 1) + "\"}";
            sup.send(tooBig);
            assertThat(sup.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).isEqualTo(1009);
        }
    }

    @Test
    void aBinaryFirstFrameClosesWith4400() {
        try (WsTestClient c = WsTestClient.connect(gw.streamUri(), gw.signIn("acme", "supervisor1"))) {
            c.sendBinary("{\"type\":\"hello\",\"protocol\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(c.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).isEqualTo(4400);
            assertThat(c.frames()).isEmpty();
        }
    }

    @Test
    void aBinaryFrameAfterTheHelloClosesWith4400AfterWhatWasAlreadyAnswered() {
        try (WsTestClient sup = Streams.open(gw, "acme", "supervisor1")) {
            sup.send(WsTestClient.frame("ping", "id", "before"));
            sup.sendBinary(new byte[] {0, 1, 2, 3});
            assertThat(sup.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).isEqualTo(4400);
            assertThat(sup.frames()).anyMatch(f -> WsTestClient.isReplyTo(f, "before"));
        }
    }

    @Test
    void moreThan100ErrorsInAMinuteCloseWith4008() {
        try (WsTestClient sup = Streams.open(gw, "acme", "supervisor1")) {
            // malformed JSON is answered before the rate limit, so these cost no tokens
            for (int i = 0; i < 100; i++) {
                sup.send("{oops " + i);
            }
            sup.awaitCount(type("error"), 100, WsTestClient.WAIT);
            Streams.barrier(sup);
            assertThat(sup.isOpen()).as("100 errors are allowed").isTrue();

            sup.send("{one too many");
            assertThat(sup.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).isEqualTo(4008);
            assertThat(sup.frames().stream().filter(type("error")).count()).isEqualTo(101);
        }
    }

    @Test
    void failedCommandsCountTowardsTheErrorBudgetToo() {
        try (WsTestClient agent = Streams.open(gw, "acme", "agent1")) {
            // forbidden, then rate_limited once the burst is spent: 101 errors either way
            for (int i = 0; i < 101; i++) {
                agent.send(WsTestClient.frame("action", "id", "a" + i, "interactionId", ix.id(), "action", "MONITOR"));
            }
            assertThat(agent.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).isEqualTo(4008);
            assertThat(agent.frames().stream().filter(type("error")).map(f -> f.path("error").asText()))
                    .hasSize(101).contains("forbidden", "rate_limited");
        }
    }
}
