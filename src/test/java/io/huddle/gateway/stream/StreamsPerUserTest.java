package io.huddle.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huddle.gateway.TestGateway;
import jakarta.websocket.CloseReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One user cannot grow the hub: their streams, open or resumable, stay at most MAX_STREAMS_PER_USER. */
class StreamsPerUserTest {
    @TempDir
    Path dir;
    private TestGateway gw;
    private final List<WsTestClient> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir);
    }

    @AfterEach
    void stop() {
        sockets.forEach(WsTestClient::close);
        gw.close();
    }

    private WsTestClient open(String token) {
        WsTestClient ws = WsTestClient.connect(gw.streamUri(), token);
        sockets.add(ws);
        return ws;
    }

    @Test
    void theLongestDetachedStreamMakesRoomAndAllAttachedRefuseTheNext() {
        String token = gw.signIn("acme", "supervisor1");
        String other = gw.signIn("acme", "supervisor2");
        open(other).hello();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < StreamHub.MAX_STREAMS_PER_USER; i++) {
            WsTestClient ws = open(token);
            ids.add(ws.hello().get("streamId").asText());
            ws.close(); // detached, resumable for the grace period
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gw.server().hub().streamCount()
                == StreamHub.MAX_STREAMS_PER_USER + 1);

        List<WsTestClient> attached = new ArrayList<>();
        WsTestClient first = open(token);
        first.hello(); // makes room by forgetting ids[0], detached longest
        attached.add(first);
        WsTestClient late = open(token);
        assertThat(late.resume(ids.get(0), 0).get("resumed").asBoolean()).as("a forgotten stream is not resumed")
                .isFalse();
        attached.add(late);
        WsTestClient back = open(token);
        assertThat(back.resume(ids.get(2), 0).get("resumed").asBoolean()).as("the others are intact").isTrue();
        attached.add(back);
        while (attached.size() < StreamHub.MAX_STREAMS_PER_USER) {
            WsTestClient ws = open(token);
            ws.hello();
            attached.add(ws);
        }
        assertThat(gw.server().hub().streamCount()).as("each new stream took a detached one's place")
                .isEqualTo(StreamHub.MAX_STREAMS_PER_USER + 1);

        WsTestClient refused = open(token);
        refused.send("{\"type\":\"hello\",\"protocol\":1}");
        CloseReason why = refused.awaitClose(Duration.ofSeconds(5));
        assertThat(why.getCloseCode().getCode()).isEqualTo(StreamEndpoint.TOO_MANY_STREAMS);
        assertThat(why.getReasonPhrase()).contains("20 open streams");
        assertThat(attached).allMatch(WsTestClient::isOpen);
        assertThat(open(other).hello().get("resumed").asBoolean()).as("another user is not affected").isFalse();
    }
}
