package io.huddle.client;

import static io.huddle.client.ConnectionStatus.State.CLOSED;
import static io.huddle.client.ConnectionStatus.State.CONNECTED;
import static io.huddle.client.ConnectionStatus.State.CONNECTING;
import static io.huddle.client.ConnectionStatus.State.RECONNECTING;
import static io.huddle.client.ConnectionStatus.State.SIGNED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.gateway.TestGateway;
import io.huddle.protocol.stream.ClientFrame;
import io.huddle.protocol.stream.CommandResult;
import io.huddle.protocol.stream.ServerFrame;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream against the real gateway (heartbeat every second). */
class StreamClientTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;
    TestGateway gw;
    final List<StreamClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir);
    }

    @AfterEach
    void stop() {
        clients.forEach(StreamClient::close);
        gw.close();
    }

    static StreamOptions backoff(long baseMillis) {
        return StreamOptions.defaults().withBackoff(Duration.ofMillis(baseMillis), Duration.ofSeconds(5));
    }

    SignedIn signIn(String user) {
        return GatewayClient.signIn(URI.create(gw.baseUrl()), "acme", user, TestGateway.PASSWORD.toCharArray());
    }

    StreamClient open(SignedIn who, Recorder rec, StreamOptions options) {
        StreamClient c = StreamClient.open(who, rec, options);
        clients.add(c);
        return c;
    }

    /** A fresh supervisor client's view of the floor, once its snapshot is in. */
    FloorState freshFloor() {
        Recorder fresh = new Recorder();
        open(signIn("supervisor1"), fresh, backoff(100));
        await().atMost(WAIT).until(() -> fresh.snapshots.size() == 1);
        return fresh.floor;
    }

    String raiseHelp(String agent, Interaction ix) {
        var r = gw.call("POST", "/api/v1/help-requests", gw.signIn("acme", agent),
                "{\"interactionId\":\"" + ix.id() + "\",\"reason\":\"Policy question\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        return TestGateway.json(r.body()).get("id").asText();
    }

    static void assertSameFloor(FloorState a, FloorState b) {
        assertThat(a.interactions()).isEqualTo(b.interactions());
        assertThat(a.helpRequests()).isEqualTo(b.helpRequests());
        assertThat(a.settings()).isEqualTo(b.settings());
    }

    static CommandException failure(CompletableFuture<?> f) {
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        assertThat(e.getCause()).isInstanceOf(CommandException.class);
        return (CommandException) e.getCause();
    }

    @Test
    void snapshotAndEventsArriveInOrderOnOneThread() {
        Interaction ix1 = gw.startInteraction("acme", "agent1", Channel.VOICE);
        Recorder rec = new Recorder();
        open(signIn("supervisor1"), rec, backoff(100));
        await().atMost(WAIT).until(() -> rec.snapshots.size() == 1);
        assertThat(rec.floor.interactions()).containsOnlyKeys(ix1.id());

        Interaction ix2 = gw.startInteraction("acme", "agent2", Channel.CHAT);
        String help = raiseHelp("agent1", ix1);
        gw.server().platformSide().endInteraction("acme", ix2.id());

        await().atMost(WAIT).until(() -> rec.events.size() == 5);
        long s0 = rec.snapshots.get(0);
        assertThat(rec.eventSeqs()).containsExactly(s0 + 1, s0 + 2, s0 + 3, s0 + 4, s0 + 5);
        assertThat(rec.events).extracting(Recorder.Event::type).containsExactly("interaction.updated",
                "interaction.updated", "help.updated", "notification", "interaction.ended");
        assertThat(rec.floor.interactions()).containsOnlyKeys(ix1.id());
        assertThat(rec.floor.interactions().get(ix1.id()).helpRequested()).isTrue();
        assertThat(rec.floor.helpRequests()).containsOnlyKeys(help);
        assertThat(rec.log.subList(0, 4)).containsExactly("status CONNECTING", "welcome resumed=false",
                "status CONNECTED", "snapshot " + s0);
        assertThat(rec.threads).hasSize(1).allMatch(t -> t.startsWith("huddle-stream-"));
        assertThat(rec.overlaps).hasValue(0);
        assertSameFloor(rec.floor, freshFloor());

        // heartbeats (every second) keep the watchdog (2.5 s) quiet
        await().during(Duration.ofSeconds(3)).atMost(WAIT)
                .until(() -> rec.welcomes.size() == 1 && rec.state() == CONNECTED);
    }

    @Test
    void commandsAreAnsweredAndRefusalsCarryTheCode() {
        Interaction ix = gw.startInteraction("acme", "agent1", Channel.VOICE);
        String help = raiseHelp("agent1", ix);
        Recorder rec = new Recorder();
        StreamClient c = open(signIn("supervisor1"), rec, backoff(100));
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        StreamCommands cmd = new StreamCommands(c);

        assertThat(c.command(new ClientFrame.Ping()).join().isEmpty()).isTrue();
        CommandResult.View view = cmd.view(ix.id()).join();
        assertThat(view.interaction().id()).isEqualTo(ix.id());
        assertThat(view.helpRequest().id()).isEqualTo(help);
        assertThat(view.controls().monitor().enabled()).isTrue();
        assertThat(cmd.acceptHelp(help).join().status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        CommandResult.Action act = cmd.act(ix.id(), ActionType.MONITOR, null).join();
        assertThat(act.action().action()).isEqualTo(ActionType.MONITOR);
        assertThat(act.action().helpRequestId()).isEqualTo(help);

        CommandException missing = failure(cmd.view("ix-nope"));
        assertThat(missing.code()).isEqualTo("not_found");
        assertThat(missing.getMessage()).contains("ix-nope");
        CommandException notAgent = failure(cmd.requestHelp(ix.id(), "Other", null));
        assertThat(notAgent.code()).isEqualTo("forbidden");
        assertThat(failure(c.command(new ClientFrame.Action(ix.id(), "dance", null))).code())
                .isEqualTo("bad_request");

        // the gateway would close the socket (1009) on it, and a re-send after resume would do it again
        CommandException tooLarge = failure(cmd.sendMessage(ix.id(), "a".repeat(70_000)));
        assertThat(tooLarge.code()).isEqualTo(CommandException.TOO_LARGE);
        assertThat(c.command(new ClientFrame.Ping()).join().isEmpty()).isTrue();
        assertThat(rec.welcomes).hasSize(1);
    }

    @Test
    void aCommandWhileDisconnectedFailsAtOnce() {
        Recorder rec = new Recorder();
        StreamClient c = open(signIn("supervisor1"), rec, backoff(2000));
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        gw.stop();
        await().atMost(WAIT).until(() -> rec.state() == RECONNECTING);
        CompletableFuture<JsonNode> ping = c.command(new ClientFrame.Ping());
        await().atMost(Duration.ofMillis(500)).until(ping::isDone);
        CommandException e = failure(ping);
        assertThat(e.code()).isEqualTo(CommandException.NOT_CONNECTED);
        assertThat(e.getMessage()).isEqualTo("not connected to the gateway (reconnecting): 'ping' was not sent");
        gw.startAgain();
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        assertThat(c.command(new ClientFrame.Ping()).join().isEmpty()).isTrue();
    }

    @Test
    void afterARestartTheFloorIsWhatAFreshClientSees() {
        Interaction ix1 = gw.startInteraction("acme", "agent1", Channel.VOICE);
        Interaction ix2 = gw.startInteraction("acme", "agent2", Channel.VOICE);
        Interaction ix3 = gw.startInteraction("acme", "agent3", Channel.CHAT);
        String agent2 = gw.signIn("acme", "agent2");
        Recorder rec = new Recorder();
        StreamClient c = open(signIn("supervisor1"), rec, backoff(1500));
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        new StreamCommands(c).act(ix1.id(), ActionType.MONITOR, null).join();
        await().atMost(WAIT).until(() -> rec.floor.interactions().get(ix1.id()).participants().size() == 3);

        gw.stop();
        // wait for a failed attempt against the stopped gateway: the next one is then >= 2.4 s away
        await().atMost(WAIT).until(() -> rec.statuses.stream().anyMatch(s -> s.attempt() == 2
                && s.nextAttemptAt() != null));
        gw.startAgain();
        var r = gw.call("POST", "/api/v1/help-requests", agent2, "{\"interactionId\":\"" + ix2.id()
                + "\",\"reason\":\"Technical issue\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        gw.server().platformSide().endInteraction("acme", ix3.id());
        assertThat(c.status().state()).as("the changes were made while the client was away").isEqualTo(RECONNECTING);

        await().atMost(WAIT).until(() -> rec.state() == CONNECTED && rec.snapshots.size() == 2);
        List<ConnectionStatus.State> states = rec.states();
        int connected = states.indexOf(CONNECTED);
        int away = states.subList(connected, states.size()).indexOf(RECONNECTING) + connected;
        assertThat(away).isGreaterThan(connected);
        assertThat(rec.statuses.get(away).nextAttemptAt()).isNotNull();
        assertThat(states.subList(away, states.size())).contains(CONNECTED).doesNotContain(CONNECTING);
        assertThat(rec.welcomes).extracting(ServerFrame.Welcome::resumed).containsExactly(false, false);

        assertThat(rec.floor.interactions()).containsOnlyKeys(ix1.id(), ix2.id());
        assertThat(rec.floor.interactions().get(ix1.id()).participants()).hasSize(2);
        assertThat(rec.floor.helpRequestOn(ix2.id())).isPresent();
        assertSameFloor(rec.floor, freshFloor());
    }

    @Test
    void aResumedStreamReplaysWhatWasMissedOnce() {
        Interaction ix1 = gw.startInteraction("acme", "agent1", Channel.VOICE);
        Recorder rec = new Recorder();
        StreamClient c = open(signIn("supervisor1"), rec, backoff(1500));
        await().atMost(WAIT).until(() -> rec.snapshots.size() == 1);

        c.dropConnection();
        await().atMost(WAIT).until(() -> rec.state() == RECONNECTING);
        Interaction ix2 = gw.startInteraction("acme", "agent2", Channel.VOICE);
        String help = raiseHelp("agent2", ix2);
        gw.server().platformSide().endInteraction("acme", ix1.id());
        assertThat(c.status().state()).as("the changes were made while the client was away").isEqualTo(RECONNECTING);

        await().atMost(WAIT).until(() -> rec.welcomes.size() == 2 && rec.events.size() == 5);
        assertThat(rec.welcomes.get(1).resumed()).isTrue();
        assertThat(rec.snapshots).hasSize(1);
        long s0 = rec.snapshots.get(0);
        assertThat(rec.eventSeqs()).containsExactly(s0 + 1, s0 + 2, s0 + 3, s0 + 4, s0 + 5);
        assertThat(rec.events).extracting(Recorder.Event::type).containsExactly("interaction.updated",
                "interaction.updated", "help.updated", "notification", "interaction.ended");
        assertThat(rec.floor.interactions()).containsOnlyKeys(ix2.id());
        assertThat(rec.floor.helpRequests()).containsOnlyKeys(help);
        assertSameFloor(rec.floor, freshFloor());
        await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> rec.events.size() == 5);
    }

    @Test
    void signingOutEndsTheStreamForGood() {
        Recorder rec = new Recorder();
        SignedIn who = signIn("supervisor1");
        StreamClient c = open(who, rec, backoff(100));
        await().atMost(WAIT).until(() -> rec.state() == CONNECTED);
        try (GatewayClient rest = new GatewayClient(who)) {
            rest.signOut();
        }
        await().atMost(WAIT).until(() -> rec.state() == SIGNED_OUT);
        int seen = rec.statuses.size();
        await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> rec.statuses.size() == seen);
        assertThat(rec.states()).containsExactly(CONNECTING, CONNECTED, SIGNED_OUT);
        assertThat(rec.statuses.get(2).detail()).isEqualTo("the sign-in ended: sign in again");
        assertThat(rec.welcomes).hasSize(1);
        assertThat(failure(c.command(new ClientFrame.Ping())).code()).isEqualTo(CommandException.CLOSED);
    }

    @Test
    void aTokenTheGatewayDoesNotKnowIsSignedOut() {
        Recorder rec = new Recorder();
        StreamClient c = StreamClient.open(gw.streamUri(), "not-a-token", rec, backoff(100));
        clients.add(c);
        await().atMost(WAIT).until(() -> rec.state() == SIGNED_OUT);
        assertThat(rec.states()).containsExactly(CONNECTING, SIGNED_OUT);
    }

    @Test
    void anUnreachableGatewayIsRetriedWithGrowingDelaysUntilClosed() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Recorder rec = new Recorder();
        StreamClient c = StreamClient.open(URI.create("ws://127.0.0.1:" + port + "/api/v1/stream"), "t", rec,
                StreamOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(400)));
        await().atMost(WAIT).until(() -> rec.statuses.stream().anyMatch(s -> s.attempt() == 3));
        ConnectionStatus waiting = rec.statuses.stream().filter(s -> s.nextAttemptAt() != null).findFirst()
                .orElseThrow();
        assertThat(waiting.state()).isEqualTo(CONNECTING);
        assertThat(waiting.detail()).isEqualTo("cannot reach the gateway at ws://127.0.0.1:" + port
                + "/api/v1/stream: connection refused");
        String thread = rec.threads.iterator().next();
        c.close();
        assertThat(rec.state()).isEqualTo(CLOSED);
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && (t.getName().equals(thread)
                        || t.getName().equals(thread + "-connect"))));
    }
}
