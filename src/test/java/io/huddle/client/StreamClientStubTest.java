package io.huddle.client;

import static io.huddle.client.ConnectionStatus.State.CONNECTED;
import static io.huddle.client.ConnectionStatus.State.FAILED;
import static io.huddle.client.ConnectionStatus.State.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.huddle.protocol.stream.ClientFrame;
import io.huddle.protocol.stream.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the real gateway will not do on demand: silence, repeated or skipped numbers, a lost ack. */
class StreamClientStubTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    final Recorder rec = new Recorder();
    StubGateway stub;
    StreamClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    static StreamOptions fast() {
        return StreamOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    private void open(StubGateway.Script script, StreamOptions options) {
        stub = new StubGateway(script);
        client = StreamClient.open(stub.uri(), "secret-token", rec, options);
    }

    private static void welcomeOnHello(int n, JsonNode f, io.javalin.websocket.WsContext ws, int heartbeat) {
        if (f.path("type").asText().equals("hello")) {
            ws.send(StubGateway.welcome("st-1", false, 0, heartbeat));
            ws.send(StubGateway.snapshot(0));
        }
    }

    private static CommandException failure(CompletableFuture<JsonNode> f) {
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        assertThat(e.getCause()).isInstanceOf(CommandException.class);
        return (CommandException) e.getCause();
    }

    @Test
    void theTokenGoesInTheHeaderAndTheHelloFirst() {
        open((n, f, ws) -> welcomeOnHello(n, f, ws, 60), fast().withClient("huddle-console", "9.9"));
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED && rec.snapshots.size() == 1);
        assertThat(stub.upgrades).containsExactly(new StubGateway.Upgrade("Bearer secret-token", null));
        JsonNode hello = stub.received.get(0).get(0);
        assertThat(hello.path("type").asText()).isEqualTo("hello");
        assertThat(hello.path("protocol").asInt()).isEqualTo(1);
        assertThat(hello.has("resume")).isFalse();
        assertThat(hello.path("client").path("name").asText()).isEqualTo("huddle-console");
        assertThat(rec.welcomes.get(0).user().username()).isEqualTo("supervisor1");
        assertThat(rec.floor.user().username()).isEqualTo("supervisor1");
    }

    @Test
    void aCommandTheGatewayNeverAnswersTimesOut() {
        open((n, f, ws) -> welcomeOnHello(n, f, ws, 60), fast().withCommandTimeout(Duration.ofMillis(400)));
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        CompletableFuture<JsonNode> f = client.command(new ClientFrame.Ping());
        await().atLeast(Duration.ofMillis(300)).atMost(WAIT).until(f::isDone);
        CommandException e = failure(f);
        assertThat(e.code()).isEqualTo(CommandException.TIMEOUT);
        assertThat(e.getMessage()).startsWith("the gateway did not answer 'ping' within 400 ms");
        assertThat(stub.received.get(0)).extracting(j -> j.path("type").asText()).containsExactly("hello", "ping");
    }

    @Test
    void silenceBeyondTheWatchdogLimitReconnects() {
        open((n, f, ws) -> welcomeOnHello(n, f, ws, 1), fast());
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        await().atLeast(Duration.ofMillis(2000)).atMost(WAIT).until(() -> stub.connections() == 2);
        assertThat(rec.statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(RECONNECTING);
            assertThat(s.detail()).startsWith("no heartbeat from the gateway for");
        });
        await().atMost(WAIT).until(() -> stub.received.size() == 2 && !stub.received.get(1).isEmpty());
        JsonNode resume = stub.received.get(1).get(0).path("resume");
        assertThat(resume.path("streamId").asText()).isEqualTo("st-1");
        assertThat(resume.path("lastSeq").asLong()).isZero();
    }

    @Test
    void repeatsAreDroppedAndAGapBringsAFreshSnapshot() {
        open((n, f, ws) -> {
            if (!f.path("type").asText().equals("hello")) {
                return;
            }
            if (n == 1) {
                ws.send(StubGateway.welcome("st-1", false, 0, 60));
                ws.send(StubGateway.snapshot(0));
                for (long seq : new long[] {1, 2, 1, 2, 3}) {
                    ws.send(StubGateway.event(seq));
                }
                ws.closeSession(1001, "gateway shutting down");
            } else if (n == 2) {
                ws.send(StubGateway.welcome("st-1", true, 6, 60));
                for (long seq : new long[] {3, 4, 6}) {
                    ws.send(StubGateway.event(seq));
                }
            } else {
                ws.send(StubGateway.welcome("st-2", false, 0, 60));
                ws.send(StubGateway.snapshot(0));
                ws.send(StubGateway.event(1));
            }
        }, fast());
        await().atMost(WAIT).until(() -> rec.events.size() == 5);
        assertThat(rec.eventSeqs()).containsExactly(1L, 2L, 3L, 4L, 1L);
        assertThat(rec.snapshots).containsExactly(0L, 0L);
        assertThat(rec.welcomes).extracting(ServerFrame.Welcome::resumed).containsExactly(false, true, false);
        JsonNode second = stub.received.get(1).get(0);
        assertThat(second.path("resume").path("streamId").asText()).isEqualTo("st-1");
        assertThat(second.path("resume").path("lastSeq").asLong()).isEqualTo(3);
        assertThat(stub.received.get(2).get(0).has("resume")).isFalse();
    }

    @Test
    void aCommandWhoseAckWasLostIsSentAgainWithTheSameId() {
        open((n, f, ws) -> {
            String type = f.path("type").asText();
            if (type.equals("hello")) {
                boolean resume = f.has("resume");
                ws.send(StubGateway.welcome("st-1", resume, 0, 60));
                if (!resume) {
                    ws.send(StubGateway.snapshot(0));
                }
            } else if (n == 1) {
                ws.closeSession(1001, "gateway shutting down");
            } else {
                ws.send(StubGateway.frame("type", "ack", "id", f.path("id").asText(), "serverTime",
                        "2026-11-24T13:02:11.123Z", "result", Map.of("ok", true)));
            }
        }, fast());
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        CompletableFuture<JsonNode> f = client.command(new ClientFrame.HelpAccept("hr-1"));
        assertThat(f.join().path("ok").asBoolean()).isTrue();
        JsonNode first = stub.received.get(0).get(1);
        JsonNode again = stub.received.get(1).get(1);
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(first.path("id").asText()).startsWith("c-");
        assertThat(first).isEqualTo(JsonNodeFactory.instance.objectNode().put("id", first.path("id").asText())
                .put("type", "help.accept").put("helpRequestId", "hr-1"));
        assertThat(again).isEqualTo(first);
        assertThat(rec.welcomes).extracting(ServerFrame.Welcome::resumed).containsExactly(false, true);
    }

    @Test
    void aCommandInFlightFailsWhenTheStreamCannotBeResumed() {
        open((n, f, ws) -> {
            if (f.path("type").asText().equals("hello")) {
                ws.send(StubGateway.welcome("st-" + n, false, 0, 60));
                ws.send(StubGateway.snapshot(0));
            } else {
                ws.closeSession(1001, "gateway shutting down");
            }
        }, fast());
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        CommandException e = failure(client.command(new ClientFrame.Ping()));
        assertThat(e.code()).isEqualTo(CommandException.CONNECTION_LOST);
        assertThat(stub.received.get(1)).extracting(j -> j.path("type").asText()).containsExactly("hello");
    }

    @Test
    void aConnectionThatKeepsDroppingRightAfterTheWelcomeBacksOffFurtherEachTime() {
        open((n, f, ws) -> {
            welcomeOnHello(n, f, ws, 60);
            ws.closeSession(4008, "more than 100 errors in a minute");
        }, fast());
        await().atMost(WAIT).until(() -> rec.statuses.stream().anyMatch(s -> s.attempt() == 4));
        List<ConnectionStatus> waits = rec.statuses.stream().filter(s -> s.nextAttemptAt() != null).toList();
        assertThat(waits).extracting(ConnectionStatus::attempt).startsWith(1, 2, 3, 4);
        assertThat(waits.get(0).detail()).isEqualTo("the gateway closed the stream after too many errors: "
                + "more than 100 errors in a minute");
        assertThat(rec.welcomes.size()).isBetween(4, 5);
    }

    @Test
    void aChangeOfTheUsersAccessReconnectsWithoutResuming() {
        open((n, f, ws) -> {
            welcomeOnHello(n, f, ws, 60);
            if (n == 1 && f.path("type").asText().equals("ping")) { // connections count from 1
                ws.closeSession(4003, "your roles or team changed: reconnect for a new snapshot");
            }
        }, fast());
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        client.command(new ClientFrame.Ping());
        await().atMost(WAIT).until(() -> stub.received.size() >= 2 && !stub.received.get(1).isEmpty());
        JsonNode again = stub.received.get(1).get(0);
        assertThat(again.path("type").asText()).isEqualTo("hello");
        assertThat(again.has("resume")).as("a fresh stream, not the old scope's").isFalse();
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED && rec.snapshots.size() == 2);
    }

    @Test
    void aProtocolViolationIsFinal() {
        open((n, f, ws) -> ws.closeSession(4400, "unsupported protocol version: this gateway speaks 2"), fast());
        await().atMost(WAIT).until(() -> rec.state() == FAILED);
        assertThat(rec.statuses.get(rec.statuses.size() - 1).detail()).contains("this gateway speaks 2");
        int seen = rec.statuses.size();
        await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> rec.statuses.size() == seen);
        assertThat(stub.connections()).isEqualTo(1);
        assertThat(failure(client.command(new ClientFrame.Ping())).code()).isEqualTo(CommandException.CLOSED);
    }

    @Test
    void anErrorForNoCommandGoesToTheListener() {
        open((n, f, ws) -> {
            welcomeOnHello(n, f, ws, 60);
            ws.send(StubGateway.frame("type", "error", "id", null, "error", "bad_request", "message",
                    "frame is not valid JSON"));
        }, fast());
        await().atMost(WAIT).until(() -> !rec.serverErrors.isEmpty());
        assertThat(rec.serverErrors).containsExactly("bad_request: frame is not valid JSON");
        assertThat(rec.log.subList(0, 5)).containsExactly("status CONNECTING", "welcome resumed=false",
                "status CONNECTED", "snapshot 0", "error bad_request");
        assertThat(List.copyOf(rec.threads)).hasSize(1);
    }

    @Test
    void aFrameThatCannotBeSentReconnectsAndTheCommandIsAnsweredOnceOnResume() {
        java.util.concurrent.atomic.AtomicBoolean failNextCommand = new java.util.concurrent.atomic.AtomicBoolean(true);
        StreamClient.Sender flaky = (session, text, failed) -> {
            if (!text.contains("\"hello\"") && failNextCommand.getAndSet(false)) {
                failed.accept(new java.io.IOException("Broken pipe")); // as Tyrus reports it: later, not thrown
                return;
            }
            StreamClient.Sender.TYRUS.send(session, text, failed);
        };
        stub = new StubGateway((n, f, ws) -> {
            String type = f.path("type").asText();
            if (type.equals("hello")) {
                boolean resume = f.has("resume");
                ws.send(StubGateway.welcome("st-1", resume, 0, 60));
                if (!resume) {
                    ws.send(StubGateway.snapshot(0));
                }
            } else {
                ws.send(StubGateway.frame("type", "ack", "id", f.path("id").asText(), "result", Map.of("ok", true)));
            }
        });
        client = StreamClient.open(stub.uri(), "secret-token", rec, fast(), flaky);
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        CompletableFuture<JsonNode> f = client.command(new ClientFrame.HelpAccept("hr-1"));
        assertThat(f.join().path("ok").asBoolean()).isTrue();
        assertThat(rec.statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(RECONNECTING);
            assertThat(s.detail()).startsWith("a frame could not be sent (Broken pipe)");
        });
        assertThat(stub.received.get(0)).extracting(j -> j.path("type").asText()).containsExactly("hello");
        assertThat(stub.received.get(1)).extracting(j -> j.path("type").asText())
                .containsExactly("hello", "help.accept");
        assertThat(rec.welcomes).extracting(ServerFrame.Welcome::resumed).containsExactly(false, true);
    }

    @Test
    void anEventThatCannotBeReadBringsAFreshSnapshotAndIsNotCountedAsApplied() {
        open((n, f, ws) -> {
            if (!f.path("type").asText().equals("hello")) {
                return;
            }
            if (n == 1) {
                ws.send(StubGateway.welcome("st-1", false, 0, 60));
                ws.send(StubGateway.snapshot(0));
                ws.send(StubGateway.event(1));
                ws.send(StubGateway.frame("seq", 2, "type", "help.updated", "helpRequest", "not a help request"));
                ws.send(StubGateway.event(3));
            } else {
                ws.send(StubGateway.welcome("st-2", false, 0, 60));
                ws.send(StubGateway.snapshot(0));
            }
        }, fast());
        await().atMost(WAIT).until(() -> rec.snapshots.size() == 2 && rec.state() == CONNECTED);
        assertThat(rec.eventSeqs()).as("2 cannot be read into its frame, and 3 is not applied on top of a floor"
                + " that missed 2").containsExactly(1L);
        assertThat(stub.received.get(1).get(0).has("resume")).as("a new stream, not the one that skipped 2")
                .isFalse();
        assertThat(rec.statuses).anySatisfy(s -> assertThat(s.detail())
                .startsWith("event 2 (help.updated) could not be read; re-syncing"));
    }

    @Test
    void aCommandsDeadlineCountsFromWhenItWasAskedForNotFromItsSend() {
        open((n, f, ws) -> welcomeOnHello(n, f, ws, 60), fast().withCommandTimeout(Duration.ofSeconds(60)));
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        Deadline asked = Deadline.after(Duration.ofSeconds(10), now::get);
        now.set(Duration.ofMillis(9_700).toNanos()); // 9.7 s went on recording it before the send
        CompletableFuture<JsonNode> ping = client.command(new ClientFrame.Ping(), asked);
        await().atMost(WAIT).until(ping::isDone);
        CommandException late = failure(ping);
        assertThat(late.code()).isEqualTo(CommandException.TIMEOUT);
        assertThat(late.getMessage()).startsWith("the gateway did not answer 'ping' within 10 s");

        now.set(Duration.ofSeconds(11).toNanos());
        CommandException unsent = failure(client.command(new ClientFrame.Ping(), asked));
        assertThat(unsent.code()).isEqualTo(CommandException.NOT_SENT);
        assertThat(stub.received.get(0)).extracting(j -> j.path("type").asText()).containsExactly("hello", "ping");
    }
}
