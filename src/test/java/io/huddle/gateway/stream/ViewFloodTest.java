package io.huddle.gateway.stream;

import static io.huddle.gateway.stream.Streams.ack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.TranscriptLine;
import io.huddle.gateway.GatewayTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Views of a long transcript, as fast as the rate limit allows, leave nothing behind on the gateway and each
 * answer stays small: a view is a read, run again if re-sent, and carries the transcript's latest lines only.
 */
class ViewFloodTest extends GatewayTest {
    private static final int VIEWS = 20; // one second at the documented rate

    @Test
    void aSecondOfViewsOfAFullTranscriptRetainsNoReplyAndEachAckIsSmall() {
        Interaction ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
        for (int i = 0; i < 500; i++) {
            gw.server().platformSide().appendTranscript("acme", ix.id(), TranscriptLine.Speaker.CUSTOMER,
                    "line " + i + " " + "y".repeat(TranscriptLine.MAX_TEXT - 12));
        }
        try (WsTestClient sup = Streams.open(gw, "acme", "supervisor1")) {
            for (int i = 0; i < VIEWS; i++) {
                sup.send(WsTestClient.frame("view", "id", "view-" + i, "interactionId", ix.id()));
            }
            List<JsonNode> acks = sup.awaitCount(f -> f.path("id").asText().startsWith("view-"), VIEWS,
                    WsTestClient.WAIT);

            CommandReplies replies = gw.server().hub().replies();
            assertThat(replies.size()).as("replies kept").isZero();
            assertThat(replies.retainedBytes()).as("bytes kept").isZero();
            assertThat(acks).allSatisfy(a -> {
                JsonNode view = ack(a);
                assertThat(a.toString().length()).as("one view's ack").isLessThanOrEqualTo(64 * 1024);
                JsonNode lines = view.path("transcript");
                assertThat(lines.get(lines.size() - 1).path("text").asText()).startsWith("line 499 ");
                assertThat(view.path("earlierLines").asInt()).isEqualTo(500 - lines.size());
            });

            // re-sent, a view is answered again, truthfully: with the line added since
            gw.server().platformSide().appendTranscript("acme", ix.id(), TranscriptLine.Speaker.CUSTOMER, "one more");
            JsonNode again = ack(sup.commandWithId("view-0", "view", "interactionId", ix.id()));
            JsonNode lines = again.path("transcript");
            assertThat(lines.get(lines.size() - 1).path("text").asText()).isEqualTo("one more");
        }
    }
}
