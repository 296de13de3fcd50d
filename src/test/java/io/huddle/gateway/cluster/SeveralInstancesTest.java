package io.huddle.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.gateway.TestGateway;
import io.huddle.gateway.stream.WsTestClient;
import io.huddle.gateway.store.FreshPostgres;
import io.huddle.gateway.store.GatewayDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one PostgreSQL database behave as one floor: what happens on one reaches the consoles of the
 * other, in order, once; the accept race across them has one winner; a platform event given to both is applied
 * once; an instance that starts later takes the floor as it is, supervisor legs and all.
 */
class SeveralInstancesTest {
    @RegisterExtension
    static final FreshPostgres database = new FreshPostgres();

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private TestGateway a;
    private TestGateway b;

    @BeforeEach
    void startTwo() {
        a = start("a");
        b = start("b");
    }

    private TestGateway start(String name) {
        TestGateway gw = TestGateway.start(dir.resolve(name),
                c -> c.withDatabase(new GatewayDatabase.Postgres(database.settings())));
        open.add(gw);
        return gw;
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private WsTestClient stream(TestGateway gw, String user) {
        WsTestClient c = WsTestClient.connect(gw.streamUri(), gw.signIn("acme", user));
        open.add(c);
        c.hello();
        c.awaitType("snapshot");
        return c;
    }

    @Test
    void whatHappensOnOneInstanceReachesAConsoleOnTheOtherInOrderAndOnce() {
        WsTestClient onB = stream(b, "supervisor1");
        Interaction ix = a.startInteraction("acme", "agent1", Channel.CHAT);
        a.server().platformSide().appendTranscript("acme", ix.id(), io.huddle.domain.TranscriptLine.Speaker.CUSTOMER,
                "my order never came");
        a.server().platformSide().changeState("acme", ix.id(), InteractionState.ON_HOLD);
        HelpRequest r = a.server().helpLifecycle().raiseHelp(a.user("acme", "agent1"), ix.id(), "Other", null);

        JsonNode help = onB.awaitFrame(f -> "help.updated".equals(f.path("type").asText())
                && r.id().equals(f.path("helpRequest").path("id").asText()), WsTestClient.WAIT);
        assertThat(help.path("helpRequest").path("status").asText()).isEqualTo("PENDING");
        List<String> about = onB.events().stream()
                .filter(f -> ix.id().equals(f.path("interaction").path("id").asText())
                        || ix.id().equals(f.path("line").path("interactionId").asText())
                        || ix.id().equals(f.path("helpRequest").path("interactionId").asText()))
                .map(f -> f.path("type").asText() + ":" + f.path("interaction").path("state").asText(""))
                .toList();
        assertThat(about).as("B's console saw A's changes in A's order, each once").containsExactly(
                "interaction.updated:ACTIVE", "interaction.updated:ON_HOLD",
                "interaction.updated:ON_HOLD", "help.updated:");
        // and B's own floor has it: B answers for it as A does
        assertThat(b.server().floorReads().openRequestOn("acme", ix.id())).isEqualTo(r);
    }

    @Test
    void theAcceptRaceAcrossInstancesHasOneWinnerAndBothFloorsAgree() throws Exception {
        for (int round = 0; round < 5; round++) {
            Interaction ix = a.startInteraction("acme", "agent" + (1 + round % 3), Channel.VOICE);
            HelpRequest r = a.server().helpLifecycle().raiseHelp(a.user("acme", "agent" + (1 + round % 3)), ix.id(),
                    "Other", null);
            String t1 = a.signIn("acme", "supervisor1");
            String t2 = b.signIn("acme", "supervisor2");
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return a.call("POST", "/api/v1/help-requests/" + r.id() + "/accept", t1, null);
            });
            CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return b.call("POST", "/api/v1/help-requests/" + r.id() + "/accept", t2, null);
            });
            go.countDown();
            List<Integer> statuses = List.of(onA.get().statusCode(), onB.get().statusCode());
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            String winner = onA.get().statusCode() == 200 ? "acme:supervisor1" : "acme:supervisor2";
            HelpRequest stored = a.server().store().findHelpRequest(r.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
            assertThat(stored.helpProvidedBy()).isEqualTo(winner);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(a.server().floorReads().openRequestOn("acme", ix.id())).isEqualTo(stored);
                assertThat(b.server().floorReads().openRequestOn("acme", ix.id())).isEqualTo(stored);
            });
        }
    }

    @Test
    void aSupervisorLegStartedOnOneInstanceIsEndedOnTheOtherAndAnInstanceStartedLaterHasIt() {
        Interaction ix = a.startInteraction("acme", "agent1", Channel.VOICE);
        String token = a.signIn("acme", "supervisor1");
        assertThat(a.call("POST", "/api/v1/interactions/" + ix.id() + "/actions", token,
                "{\"action\":\"MONITOR\"}").statusCode()).isEqualTo(201);

        TestGateway c = start("c");
        Interaction onC = c.server().platformSide().liveInteractions("acme").stream()
                .filter(i -> i.id().equals(ix.id())).findFirst().orElseThrow();
        assertThat(onC.legOf("acme:supervisor1")).as("a starting instance ends no one's leg").isNotNull();

        HttpResponse<String> disconnect = b.call("POST", "/api/v1/interactions/" + ix.id() + "/actions", token,
                "{\"action\":\"DISCONNECT\"}");
        assertThat(disconnect.statusCode()).as(disconnect.body()).isEqualTo(201);
        assertThat(a.server().store().openActions()).as("B ended the action A started").isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (TestGateway gw : List.of(a, b, c)) {
                Interaction live = gw.server().platformSide().liveInteractions("acme").stream()
                        .filter(i -> i.id().equals(ix.id())).findFirst().orElseThrow();
                assertThat(live.legOf("acme:supervisor1")).isNull();
            }
        });
    }

    @Test
    void aPlatformBatchDeliveredToBothInstancesAtOnceIsAppliedOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            java.time.Instant at = a.server().floors().now();
            String call = "CA-" + round;
            List<io.huddle.gateway.floor.PlatformFact> batch = List.of(
                    new io.huddle.gateway.floor.PlatformFact.Started("e-start-" + round, at, call, Channel.VOICE,
                            a.user("acme", "agent1"), "Ada", "Billing"),
                    new io.huddle.gateway.floor.PlatformFact.StateChanged("e-hold-" + round, at.plusMillis(1), call,
                            InteractionState.ON_HOLD));
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<io.huddle.gateway.floor.PlatformFact.Outcome> onA = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return a.server().platformSide().applyPlatformFacts("acme", batch);
            });
            CompletableFuture<io.huddle.gateway.floor.PlatformFact.Outcome> onB = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return b.server().platformSide().applyPlatformFacts("acme", batch);
            });
            go.countDown();
            assertThat(List.of(onA.get().applied(), onB.get().applied())).containsExactlyInAnyOrder(2, 0);
            assertThat(List.of(onA.get().duplicates(), onB.get().duplicates())).containsExactlyInAnyOrder(0, 2);
            long calls = a.server().store().liveInteractions().stream()
                    .filter(i -> call.equals(i.platformId())).count();
            assertThat(calls).as("one interaction for the call in the database").isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                for (TestGateway gw : List.of(a, b)) {
                    assertThat(gw.server().platformSide().liveInteractions("acme").stream()
                            .filter(i -> call.equals(i.platformId())).map(Interaction::state).toList())
                            .containsExactly(InteractionState.ON_HOLD);
                }
            });
        }
    }

    @Test
    void aCommandReSentToTheOtherInstanceGetsItsFirstAnswerAndIsNotAppliedAgain() {
        Interaction ix = a.startInteraction("acme", "agent1", Channel.CHAT);
        HelpRequest r = a.server().helpLifecycle().raiseHelp(a.user("acme", "agent1"), ix.id(), "Other", null);
        WsTestClient onA = stream(a, "supervisor1");
        JsonNode first = onA.commandWithId("c-accept", "help.accept", "helpRequestId", r.id());
        assertThat(first.path("type").asText()).as(first.toString()).isEqualTo("ack");
        JsonNode coach = onA.commandWithId("c-coach", "action", "interactionId", ix.id(), "action", "COACH",
                "helpRequestId", r.id());
        assertThat(coach.path("type").asText()).as(coach.toString()).isEqualTo("ack");
        JsonNode said = onA.commandWithId("c-say", "message.send", "interactionId", ix.id(), "text", "offer 10 %");
        assertThat(said.path("type").asText()).as(said.toString()).isEqualTo("ack");

        // the console lost its socket before the answers and reconnects, through the balancer, to B
        WsTestClient onB = stream(b, "supervisor1");
        assertThat(onB.commandWithId("c-accept", "help.accept", "helpRequestId", r.id())).isEqualTo(first);
        assertThat(onB.commandWithId("c-coach", "action", "interactionId", ix.id(), "action", "COACH",
                "helpRequestId", r.id())).isEqualTo(coach);
        assertThat(onB.commandWithId("c-say", "message.send", "interactionId", ix.id(), "text", "offer 10 %"))
                .isEqualTo(said);
        long lines = a.server().floorReads().transcript(a.user("acme", "supervisor1"), ix.id()).stream()
                .filter(l -> l.text().equals("offer 10 %")).count();
        assertThat(lines).as("the message was sent once").isEqualTo(1);
        assertThat(a.server().store().openActions()).hasSize(1);
        // a new command id is a new command: B answers it from the floor as it is now
        JsonNode again = onB.command("help.accept", "helpRequestId", r.id());
        assertThat(again.path("error").asText()).isEqualTo("conflict");
    }

    @Test
    void aStreamResumedOnTheOtherInstanceGetsExactlyWhatItMissed() {
        WsTestClient watching = stream(a, "supervisor1"); // stays on A throughout: what the moved one must match
        WsTestClient first = WsTestClient.connect(a.streamUri(), a.signIn("acme", "supervisor1"));
        open.add(first);
        String streamId = first.hello().path("streamId").asText();
        first.awaitType("snapshot");
        Interaction ix = a.startInteraction("acme", "agent1", Channel.VOICE);
        JsonNode seen = first.awaitFrame(f -> "interaction.updated".equals(f.path("type").asText()), WsTestClient.WAIT);
        assertThat(seen.path("position").asText()).as(seen.toString()).matches("\\d+\\.\\d+");
        first.close(); // its instance is gone, as far as this console can tell

        // meanwhile, on both instances
        a.server().platformSide().changeState("acme", ix.id(), InteractionState.ON_HOLD);
        HelpRequest r = b.server().helpLifecycle().raiseHelp(b.user("acme", "agent1"), ix.id(), "Other", null);
        Interaction other = b.startInteraction("acme", "agent2", Channel.CHAT);
        watching.awaitFrame(f -> other.id().equals(f.path("interaction").path("id").asText()), WsTestClient.WAIT);

        WsTestClient moved = WsTestClient.connect(b.streamUri(), b.signIn("acme", "supervisor1"));
        open.add(moved);
        moved.send(WsTestClient.frame("hello", "protocol", 1, "resume", TestGateway.json(
                "{\"streamId\":\"" + streamId + "\",\"lastSeq\":" + seen.path("seq").asLong()
                        + ",\"position\":\"" + seen.path("position").asText() + "\"}")));
        JsonNode welcome = moved.awaitType("welcome");
        assertThat(welcome.path("resumed").asBoolean()).as(welcome.toString()).isTrue();
        assertThat(welcome.path("streamId").asText()).isEqualTo(streamId);
        moved.awaitFrame(f -> other.id().equals(f.path("interaction").path("id").asText()), WsTestClient.WAIT);

        List<JsonNode> missed = moved.events();
        assertThat(missed).extracting(f -> f.path("seq").asLong()).as("numbered on from the client's last")
                .startsWith(seen.path("seq").asLong() + 1).doesNotHaveDuplicates();
        List<String> expected = after(watching.events(), seen.path("position").asText());
        assertThat(missed.stream().map(SeveralInstancesTest::withoutSeq).toList()).isEqualTo(expected);
        assertThat(missed).anyMatch(f -> r.id().equals(f.path("helpRequest").path("id").asText()));
        assertThat(moved.frames()).noneMatch(f -> "snapshot".equals(f.path("type").asText()));
    }

    @Test
    void aPositionTheLogDoesNotHaveGetsAFreshSnapshot() {
        Interaction ix = a.startInteraction("acme", "agent1", Channel.VOICE);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.server().platformSide().liveInteractions("acme").stream()
                .anyMatch(i -> i.id().equals(ix.id())));
        String token = b.signIn("acme", "supervisor1");
        // not in the log, then not a position at all: each a fresh snapshot, never an error or a stall
        for (String position : List.of("99999.1", "abc", "-1.5", "12", "1.", "99999999999999999999.1", "1.-3")) {
            WsTestClient c = WsTestClient.connect(b.streamUri(), token);
            open.add(c);
            c.send(WsTestClient.frame("hello", "protocol", 1, "resume", TestGateway.json(
                    "{\"streamId\":\"st-gone\",\"lastSeq\":3,\"position\":\"" + position + "\"}")));
            JsonNode welcome = c.awaitType("welcome");
            assertThat(welcome.path("resumed").asBoolean()).as(position).isFalse();
            JsonNode snapshot = c.awaitType("snapshot");
            assertThat(snapshot.path("interactions").findValuesAsText("id")).contains(ix.id());
            assertThat(snapshot.path("position").asText()).matches("\\d+\\.\\d+");
            c.close();
        }
    }

    /** The events after a position, as JSON without the stream's own numbering. */
    private static List<String> after(List<JsonNode> events, String position) {
        List<String> out = new ArrayList<>();
        boolean past = false;
        for (JsonNode f : events) {
            if (past) {
                out.add(withoutSeq(f));
            }
            past = past || position.equals(f.path("position").asText());
        }
        return out;
    }

    private static String withoutSeq(JsonNode f) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = f.deepCopy();
        copy.remove("seq");
        return copy.toString();
    }

    @Test
    void aSupervisorConnectedToTheOtherInstanceIsOnShiftForThisOne() {
        Interaction ix = a.startInteraction("acme", "agent1", Channel.VOICE);
        stream(b, "supervisor1"); // the only console, on B
        await().atMost(Duration.ofSeconds(10)).until(() ->
                a.server().hub().of("acme:supervisor1") == io.huddle.domain.Presence.AVAILABLE);

        HelpRequest r = a.server().helpLifecycle().raiseHelp(a.user("acme", "agent1"), ix.id(), "Other", null);
        assertThat(r.escalations()).extracting(io.huddle.domain.Escalation::step)
                .as("routed to whoever is on shift, not escalated at once as if nobody were")
                .containsExactly(io.huddle.domain.Escalation.Step.ROUTED);
        assertThat(r.escalations().get(0).notified()).contains("acme:supervisor1");
    }

    @Test
    void anEntryThatCannotBeReadMakesTheFollowerLoadTheFloorAgainInsteadOfStopping() throws Exception {
        Interaction before = a.startInteraction("acme", "agent1", Channel.VOICE);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.server().platformSide().liveInteractions("acme").stream()
                .anyMatch(i -> i.id().equals(before.id())));
        try (var c = java.sql.DriverManager.getConnection(database.settings().jdbcUrl(), database.settings().user(),
                database.settings().password()); var s = c.createStatement()) {
            // as a newer build might write it: an op this one does not know
            s.execute("WITH h AS (UPDATE floor_log_head SET seq = seq + 1 WHERE tenant = 'acme' RETURNING seq) "
                    + "INSERT INTO floor_log (tenant, seq, instance, ops) SELECT 'acme', seq, 'elsewhere', "
                    + "'[{\"op\":\"teleport\"}]' FROM h");
        }
        Interaction after = a.startInteraction("acme", "agent2", Channel.CHAT);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(b.server().platformSide()
                .liveInteractions("acme")).extracting(Interaction::id).contains(before.id(), after.id()));
        Interaction third = b.startInteraction("acme", "agent3", Channel.CHAT); // B writes again, on top of it
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(a.server().platformSide()
                .liveInteractions("acme")).extracting(Interaction::id).contains(third.id()));
    }

    @Test
    void twoAdminsCreatingOneUserOnTwoInstancesAtOnceGetOneUserAndAConflictNeverAFailure() throws Exception {
        String onA = a.signIn("acme", "admin1");
        String onB = b.signIn("acme", "admin1");
        for (int round = 0; round < 8; round++) {
            String body = "{\"username\":\"newcomer" + round + "\",\"displayName\":\"New Comer\",\"domain\":"
                    + "\"support\",\"roles\":[\"awa_agent\"],\"password\":\"a long enough passphrase\"}";
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return a.call("POST", "/api/v1/admin/users", onA, body);
            });
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return b.call("POST", "/api/v1/admin/users", onB, body);
            });
            go.countDown();
            assertThat(List.of(first.get().statusCode(), second.get().statusCode()))
                    .as("round %d: %s / %s", round, first.get().body(), second.get().body())
                    .containsExactlyInAnyOrder(201, 409);
        }
    }

    private static void waitFor(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
