package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.gateway.TestGateway;
import jakarta.websocket.CloseReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a dropped stream, heartbeats, and the end of a sign-in. */
class StreamResumeTest {
    @TempDir
    Path dir;
    TestGateway gw;

    @AfterEach
    void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    private void start(int keepFrames, Duration grace) {
        gw = TestGateway.start(dir, new StreamHub.StreamSettings(Duration.ofSeconds(1), grace, keepFrames));
    }

    /** Three numbered events for every acme support supervisor: a new interaction, then a help request. */
    private Interaction causeEvents() {
        Interaction ix = gw.startInteraction("acme", "agent2", Channel.CHAT);
        gw.server().helpLifecycle().raiseHelp(gw.user("acme", "agent2"), ix.id(), "Other", null);
        return ix;
    }

    private static long lastSeq(WsTestClient c) {
        List<JsonNode> events = c.events();
        return events.isEmpty() ? c.awaitType("snapshot").path("seq").asLong()
                : events.get(events.size() - 1).path("seq").asLong();
    }

    @Test
    void aResumedStreamGetsExactlyTheMissedFramesInOrder() {
        start(10_000, Duration.ofSeconds(30));
        String token = gw.signIn("acme", "supervisor1");
        WsTestClient first = WsTestClient.connect(gw.streamUri(), token);
        String streamId = first.hello().path("streamId").asText();
        gw.startInteraction("acme", "agent1", Channel.VOICE);
        first.awaitType("interaction.updated");
        Streams.barrier(first);
        long n = lastSeq(first);
        first.close();

        try (WsTestClient witness = Streams.open(gw, "acme", "supervisor2")) {
            Interaction ix = causeEvents();
            witness.awaitFrame(type("notification"), WsTestClient.WAIT);
            List<String> missed = witness.events().stream().map(f -> f.path("type").asText()).toList();
            assertThat(missed).hasSize(4);

            try (WsTestClient back = WsTestClient.connect(gw.streamUri(), token)) {
                back.send(WsTestClient.frame("hello", "protocol", 1, "resume",
                        WsTestClient.frame("x", "streamId", streamId, "lastSeq", n)));
                JsonNode welcome = back.next(WsTestClient.WAIT);
                assertThat(welcome.path("type").asText()).isEqualTo("welcome");
                assertThat(welcome.path("resumed").asBoolean()).isTrue();
                assertThat(welcome.path("streamId").asText()).isEqualTo(streamId);
                List<JsonNode> replay = List.of(back.next(WsTestClient.WAIT), back.next(WsTestClient.WAIT),
                        back.next(WsTestClient.WAIT), back.next(WsTestClient.WAIT));
                assertThat(replay).extracting(f -> f.path("seq").asLong()).containsExactly(n + 1, n + 2, n + 3, n + 4);
                assertThat(replay).extracting(f -> f.path("type").asText()).containsExactlyElementsOf(missed);
                assertThat(replay).allMatch(f -> f.toString().contains(ix.id()));

                // live again, numbered on from there, with nothing sent twice
                gw.server().platformSide().endInteraction("acme", ix.id());
                back.awaitType("interaction.ended");
                Streams.barrier(back);
                assertThat(back.frames()).noneMatch(type("snapshot"));
                Streams.assertGapless(back);
                assertThat(back.events().get(0).path("seq").asLong()).isEqualTo(n + 1);
            }
        }
    }

    @Test
    void resumingOnASecondSocketClosesTheFirstWith4409() {
        start(10_000, Duration.ofSeconds(30));
        String token = gw.signIn("acme", "supervisor1");
        WsTestClient first = WsTestClient.connect(gw.streamUri(), token);
        String streamId = first.hello().path("streamId").asText();
        long n = lastSeq(first);
        try (WsTestClient second = WsTestClient.connect(gw.streamUri(), token)) {
            assertThat(second.resume(streamId, n).path("resumed").asBoolean()).isTrue();
            assertThat(first.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).isEqualTo(4409);
            Interaction ix = causeEvents();
            second.awaitFrame(type("notification"), WsTestClient.WAIT);
            assertThat(second.events()).hasSize(4).allMatch(f -> f.toString().contains(ix.id()));
            Streams.assertGapless(second);
            assertThat(first.events()).isEmpty();
        }
    }

    @Test
    void resumingSomeoneElsesStreamOrAnUnknownOneGivesAFreshSnapshot() {
        start(10_000, Duration.ofSeconds(30));
        WsTestClient sup1 = Streams.open(gw, "acme", "supervisor1");
        String streamId = sup1.awaitType("welcome").path("streamId").asText();
        sup1.close();
        causeEvents();
        for (String[] attempt : new String[][] {{"supervisor2", streamId}, {"supervisor1", "st-unknown"}}) {
            try (WsTestClient other = WsTestClient.connect(gw.streamUri(), gw.signIn("acme", attempt[0]))) {
                JsonNode welcome = other.resume(attempt[1], 0);
                assertThat(welcome.path("resumed").asBoolean()).as(attempt[0]).isFalse();
                assertThat(welcome.path("streamId").asText()).isNotEqualTo(streamId);
                JsonNode snapshot = other.awaitType("snapshot");
                assertThat(snapshot.path("interactions")).hasSize(1);
                Streams.barrier(other);
                assertThat(other.events()).as("no replay of another stream").isEmpty();
            }
        }
    }

    @Test
    void aSeqNoLongerKeptOrNotYetSentGivesAFreshSnapshot() {
        start(3, Duration.ofSeconds(30));
        String token = gw.signIn("acme", "supervisor1");
        WsTestClient sup = WsTestClient.connect(gw.streamUri(), token);
        String streamId = sup.hello().path("streamId").asText();
        sup.close();
        causeEvents();
        causeEvents(); // 8 events; only the last 3 are kept

        for (long lastSeq : new long[] {0, 4, 9, -1}) {
            try (WsTestClient back = WsTestClient.connect(gw.streamUri(), token)) {
                assertThat(back.resume(streamId, lastSeq).path("resumed").asBoolean()).as("" + lastSeq).isFalse();
                assertThat(back.awaitType("snapshot").path("interactions")).hasSize(2);
            }
        }
        try (WsTestClient back = WsTestClient.connect(gw.streamUri(), token)) {
            assertThat(back.resume(streamId, 5).path("resumed").asBoolean()).isTrue();
            back.awaitCount(f -> f.has("seq") && !type("welcome").test(f), 3, WsTestClient.WAIT);
            Streams.barrier(back);
            assertThat(back.events()).extracting(f -> f.path("seq").asLong()).containsExactly(6L, 7L, 8L);
        }
    }

    @Test
    void aStreamDetachedLongerThanTheGraceIsForgotten() {
        start(10_000, Duration.ofMillis(500));
        String token = gw.signIn("acme", "supervisor1");
        WsTestClient sup = WsTestClient.connect(gw.streamUri(), token);
        String streamId = sup.hello().path("streamId").asText();
        sup.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> gw.server().hub().streamCount() == 0);
        try (WsTestClient back = WsTestClient.connect(gw.streamUri(), token)) {
            assertThat(back.resume(streamId, 0).path("resumed").asBoolean()).isFalse();
        }
    }

    @Test
    void afterARestartTheClientGetsAFreshSnapshotOfTheSameState() {
        start(10_000, Duration.ofSeconds(30));
        Interaction quiet = gw.startInteraction("acme", "agent1", Channel.VOICE);
        Interaction helped = causeEvents();
        String token = gw.signIn("acme", "supervisor1");
        WsTestClient before = WsTestClient.connect(gw.streamUri(), token);
        String streamId = before.hello().path("streamId").asText();
        JsonNode was = before.awaitType("snapshot");

        gw.restart();
        assertThat(before.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).isEqualTo(1001);
        try (WsTestClient after = WsTestClient.connect(gw.streamUri(), token)) {
            JsonNode welcome = after.resume(streamId, lastSeq(before));
            assertThat(welcome.path("resumed").asBoolean()).isFalse();
            JsonNode now = after.awaitType("snapshot");
            assertThat(now.path("interactions")).isEqualTo(was.path("interactions"));
            assertThat(now.path("helpRequests")).isEqualTo(was.path("helpRequests"));
            assertThat(ids(now.path("interactions"))).containsExactlyInAnyOrder(quiet.id(), helped.id());
        }
    }

    @Test
    void whileTheGatewayIsDownNothingConnectsAndAfterwardsTheStreamStartsAfresh() {
        start(10_000, Duration.ofSeconds(30));
        Interaction ix = causeEvents();
        String token = gw.signIn("acme", "agent2");
        WsTestClient before = WsTestClient.connect(gw.streamUri(), token);
        String streamId = before.hello().path("streamId").asText();
        gw.stop();
        before.awaitClose(WsTestClient.WAIT);
        assertThatThrownBy(() -> WsTestClient.connect(gw.streamUri(), token))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(WsTestClient.Refused.class);
        gw.startAgain();
        try (WsTestClient after = WsTestClient.connect(gw.streamUri(), token)) {
            assertThat(after.resume(streamId, 0).path("resumed").asBoolean()).isFalse();
            JsonNode snapshot = after.awaitType("snapshot");
            assertThat(ids(snapshot.path("interactions"))).containsExactly(ix.id());
            assertThat(snapshot.path("helpRequests").get(0).path("status").asText()).isEqualTo("PENDING");
        }
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asText()).toList();
    }

    @Test
    void heartbeatsArriveUnnumbered() {
        start(10_000, Duration.ofSeconds(30));
        try (WsTestClient sup = Streams.open(gw, "acme", "supervisor1")) {
            List<JsonNode> beats = sup.awaitCount(type("heartbeat"), 2, Duration.ofSeconds(4));
            assertThat(beats).allSatisfy(b -> {
                assertThat(b.has("seq")).isFalse();
                assertThat(b.path("serverTime").asText()).endsWith("Z");
            });
        }
    }

    @Test
    void aSignInThatEndsBehindTheStreamsBackIsNoticedByTheTicker() {
        start(10_000, Duration.ofSeconds(30));
        String token = gw.signIn("acme", "supervisor1");
        try (WsTestClient sup = WsTestClient.connect(gw.streamUri(), token)) {
            sup.hello();
            gw.server().store().deleteSession(io.huddle.gateway.auth.AuthService.digest(token));
            CloseReason reason = sup.awaitClose(Duration.ofSeconds(4));
            assertThat(reason.getCloseCode().getCode()).isEqualTo(4001);
        }
    }

    @Test
    void aSupervisorDemotedToAgentHasTheStreamClosedAndCannotResumeItsOldScope() {
        start(10_000, Duration.ofSeconds(30));
        io.huddle.domain.Interaction other = gw.startInteraction("acme", "agent2", io.huddle.domain.Channel.CHAT);
        String token = gw.signIn("acme", "supervisor1");
        io.huddle.gateway.store.GatewayStore store = gw.server().store();
        io.huddle.domain.User sup = store.findUser("acme", "supervisor1").orElseThrow();
        String hash = store.passwordHash(sup.id()).orElseThrow();
        try (WsTestClient first = WsTestClient.connect(gw.streamUri(), token)) {
            String streamId = first.hello().path("streamId").asText();
            store.saveUser(new io.huddle.domain.User(sup.id(), sup.tenant(), sup.domain(), sup.username(),
                    sup.displayName(), java.util.Set.of(io.huddle.domain.Role.AWA_AGENT)), hash);
            CloseReason reason = first.awaitClose(Duration.ofSeconds(4));
            assertThat(reason.getCloseCode().getCode()).isEqualTo(StreamHub.ACCESS_CHANGED);

            try (WsTestClient back = WsTestClient.connect(gw.streamUri(), token)) {
                JsonNode welcome = back.resume(streamId, 0);
                assertThat(welcome.path("resumed").asBoolean()).as("the old scope is not resumed").isFalse();
                JsonNode snapshot = back.awaitType("snapshot");
                assertThat(snapshot.path("interactions")).extracting(i -> i.path("id").asText())
                        .doesNotContain(other.id());
            }
        }
    }

    @Test
    void aStreamResumedWithANewSignInLivesOnThatSignIn() {
        start(10_000, Duration.ofSeconds(30));
        String oldToken = gw.signIn("acme", "supervisor1");
        WsTestClient first = WsTestClient.connect(gw.streamUri(), oldToken);
        String streamId = first.hello().path("streamId").asText();
        first.close();
        assertThat(gw.call("DELETE", "/api/v1/sessions/current", oldToken, null).statusCode()).isEqualTo(204);

        String newToken = gw.signIn("acme", "supervisor1");
        try (WsTestClient back = WsTestClient.connect(gw.streamUri(), newToken)) {
            assertThat(back.resume(streamId, 0).path("resumed").asBoolean()).isTrue();
            // a heartbeat is sent only after the ticker found the stream's sign-in valid
            back.awaitFrame(type("heartbeat"), Duration.ofSeconds(4));
            assertThat(back.isOpen()).as("closed with %s", back.frames()).isTrue();
            Streams.barrier(back);
        }
    }

    @Test
    void signingOutClosesThatSignInsStreamsWith4001() {
        start(10_000, Duration.ofSeconds(30));
        String token = gw.signIn("acme", "supervisor1");
        String otherToken = gw.signIn("acme", "supervisor1");
        try (WsTestClient mine = WsTestClient.connect(gw.streamUri(), token);
             WsTestClient sameUserOtherSignIn = WsTestClient.connect(gw.streamUri(), otherToken);
             WsTestClient agent = Streams.open(gw, "acme", "agent1")) {
            mine.hello();
            sameUserOtherSignIn.hello();
            assertThat(gw.call("DELETE", "/api/v1/sessions/current", token, null).statusCode()).isEqualTo(204);
            assertThat(mine.awaitClose(WsTestClient.WAIT).getCloseCode().getCode()).isEqualTo(4001);
            Streams.barrier(sameUserOtherSignIn);
            Streams.barrier(agent);
            assertThatThrownBy(() -> WsTestClient.connect(gw.streamUri(), token))
                    .isInstanceOfSatisfying(WsTestClient.Refused.class, r -> assertThat(r.status()).isEqualTo(401));
        }
    }
}
