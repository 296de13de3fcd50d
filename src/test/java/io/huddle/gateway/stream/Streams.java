package io.huddle.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.gateway.TestGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Small helpers shared by the stream tests: open a signed-in stream, match frames, check sequences. */
final class Streams {
    /**
     * How long a test listens to prove that something did NOT arrive. Only used after a barrier (a ping
     * answered on the same socket) has already shown that nothing was sent before it; the window is a
     * second line of defence against a frame that might be sent later, so it is short.
     */
    static final Duration QUIET = Duration.ofMillis(300);

    private Streams() {
    }

    /** Signs in, connects, says hello and waits for the welcome and the snapshot. */
    static WsTestClient open(TestGateway gw, String tenant, String username) {
        WsTestClient c = WsTestClient.connect(gw.streamUri(), gw.signIn(tenant, username));
        c.hello();
        c.awaitType("snapshot");
        return c;
    }

    static Predicate<JsonNode> type(String type) {
        return f -> type.equals(f.path("type").asText());
    }

    static Predicate<JsonNode> interactionUpdated(String interactionId) {
        return f -> type("interaction.updated").test(f)
                && interactionId.equals(f.path("interaction").path("id").asText());
    }

    static Predicate<JsonNode> helpUpdated(String helpRequestId, String status) {
        return f -> type("help.updated").test(f)
                && helpRequestId.equals(f.path("helpRequest").path("id").asText())
                && status.equals(f.path("helpRequest").path("status").asText());
    }

    static Predicate<JsonNode> notification(String kind, String helpRequestId) {
        return f -> type("notification").test(f) && kind.equals(f.path("kind").asText())
                && helpRequestId.equals(f.path("helpRequestId").asText());
    }

    static Predicate<JsonNode> line(String textPart) {
        return f -> type("transcript.appended").test(f) && f.path("line").path("text").asText().contains(textPart);
    }

    /** The supervisor participant with this id on an interaction frame, or a missing node. */
    static JsonNode participant(JsonNode interactionFrame, String userId) {
        for (JsonNode p : interactionFrame.path("interaction").path("participants")) {
            if (userId.equals(p.path("id").asText())) {
                return p;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static JsonNode ack(JsonNode reply) {
        assertThat(reply.path("type").asText()).as("reply %s", reply).isEqualTo("ack");
        return reply.path("result");
    }

    static void assertError(JsonNode reply, String code) {
        assertThat(reply.path("type").asText()).as("reply %s", reply).isEqualTo("error");
        assertThat(reply.path("error").asText()).as("reply %s", reply).isEqualTo(code);
        assertThat(reply.path("message").asText()).as("an error says why").isNotBlank();
    }

    /**
     * A barrier: answers once every frame the gateway sent this socket before now has arrived (frames
     * on one socket arrive in the order they were sent, and the ping's ack is sent last).
     */
    static void barrier(WsTestClient c) {
        ack(c.command("ping"));
    }

    /** The numbered events go 1 more each time, starting right after the snapshot's seq (or the first replayed one). */
    static void assertGapless(WsTestClient c) {
        List<JsonNode> frames = c.frames();
        long expect = -1;
        List<Long> seen = new ArrayList<>();
        for (JsonNode f : frames) {
            String type = f.path("type").asText();
            if (type.equals("snapshot")) {
                expect = f.path("seq").asLong() + 1;
            } else if (type.equals("welcome")) {
                expect = -1; // a resumed stream goes on from the client's lastSeq, checked by the caller
            } else if (f.has("seq")) {
                long seq = f.path("seq").asLong();
                if (expect != -1) {
                    assertThat(seq).as("seq of %s after %s", f, seen).isEqualTo(expect);
                }
                seen.add(seq);
                expect = seq + 1;
            }
        }
    }
}
