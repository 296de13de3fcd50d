package io.huddle.protocol.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.Channel;
import io.huddle.domain.InteractionState;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream's frames as docs/protocol.md writes them, built from and read into the records. */
class ServerFrameJsonTest {
    static final ObjectMapper JSON = Json.newMapper();
    static final Instant T = Instant.parse("2026-11-25T09:51:52.311Z");

    static JsonNode tree(Object frame) throws JsonProcessingException {
        return JSON.readTree(JSON.writeValueAsString(frame));
    }

    @Test
    void anEventBuiltForManyStreamsHasItsTypeAndNoSeq() throws Exception {
        String payload = JSON.writeValueAsString(new ServerFrame.InteractionEnded(null, "ix-1", T));
        assertThat(JSON.readTree(payload)).isEqualTo(JSON.readTree(
                "{\"type\":\"interaction.ended\",\"interactionId\":\"ix-1\",\"endedAt\":\"2026-11-25T09:51:52.311Z\"}"));
        assertThat(payload).startsWith("{\"type\":"); // a stream puts its seq in front (StreamSession)
        assertThat(tree(new ServerFrame.Notification(7L, "help.assigned", "hr-1", "ix-1", "help")))
                .isEqualTo(JSON.readTree("{\"type\":\"notification\",\"seq\":7,\"kind\":\"help.assigned\","
                        + "\"helpRequestId\":\"hr-1\",\"interactionId\":\"ix-1\",\"text\":\"help\"}"));
    }

    @Test
    void nullsTheProtocolDocumentsAreWritten() throws Exception {
        assertThat(tree(new ServerFrame.Error(null, "bad_request", "frame is not valid JSON"))).isEqualTo(JSON.readTree(
                "{\"type\":\"error\",\"id\":null,\"error\":\"bad_request\",\"message\":\"frame is not valid JSON\"}"));
        JsonNode controls = tree(new ServerFrame.Ack("c-1", T, new CommandResult.ControlsRead(null, null)));
        assertThat(controls.path("result").has("helpRequest")).isTrue();
        assertThat(controls.path("result").get("helpRequest").isNull()).isTrue();
        assertThat(tree(new ServerFrame.Ack("c-2", T, new CommandResult.None()))).isEqualTo(JSON.readTree(
                "{\"type\":\"ack\",\"id\":\"c-2\",\"serverTime\":\"2026-11-25T09:51:52.311Z\",\"result\":{}}"));
    }

    @Test
    void everyFrameReadsBackAsItsRecord() throws Exception {
        InteractionDto ix = new InteractionDto("ix-1", Channel.CHAT, InteractionState.ACTIVE, "acme:agent1",
                "Agent One", "Customer", "Billing", T, null, false, List.of());
        List<ServerFrame> frames = List.of(new ServerFrame.Heartbeat(T),
                new ServerFrame.InteractionUpdated(3L, ix), new ServerFrame.InteractionEnded(4L, "ix-1", T),
                new ServerFrame.Notification(5L, "help.accepted", "hr-1", "ix-1", "taken"),
                new ServerFrame.Snapshot(0L, List.of(ix), List.of(), null),
                new ServerFrame.Error("c-1", "conflict", "already accepted"));
        for (ServerFrame f : frames) {
            assertThat(JSON.readValue(JSON.writeValueAsString(f), ServerFrame.class)).isEqualTo(f);
        }
    }

    @Test
    void anAckCarriesItsResultAsReadForTheCommandToType() throws Exception {
        ServerFrame f = JSON.readValue("{\"type\":\"ack\",\"id\":\"c-1\",\"serverTime\":\"yesterday\","
                + "\"result\":{\"line\":null}}", ServerFrame.class);
        ServerFrame.Ack ack = (ServerFrame.Ack) f;
        assertThat(ack.serverTime()).as("an unreadable time does not sink the ack").isNull();
        assertThat(ack.result()).isInstanceOf(CommandResult.Unread.class);
        assertThat(JSON.treeToValue(((CommandResult.Unread) ack.result()).json(), CommandResult.Message.class))
                .isEqualTo(new CommandResult.Message(null));
    }

    @Test
    void aTypeThisClientDoesNotKnowIsReadAsUnknownWithItsSeq() throws Exception {
        ServerFrame later = JSON.readValue("{\"seq\":9,\"type\":\"queue.updated\",\"queue\":{}}", ServerFrame.class);
        assertThat(later).isEqualTo(new ServerFrame.Unknown("queue.updated", 9L));
        assertThat(ServerFrame.typeOf(later)).isEqualTo("queue.updated");
        assertThat(JSON.readValue("{\"note\":1}", ServerFrame.class)).isEqualTo(new ServerFrame.Unknown(null, null));
        assertThat(ServerFrame.typeOf(new ServerFrame.HelpUpdated(1L, null))).isEqualTo("help.updated");
    }

    @Test
    void aKnownEventThatCannotBeReadIsRefused() {
        assertThatThrownBy(() -> JSON.readValue("{\"seq\":1,\"type\":\"interaction.updated\",\"interaction\":"
                + "{\"id\":\"a\",\"channel\":\"CARRIER_PIGEON\"}}", ServerFrame.class))
                .isInstanceOf(JsonProcessingException.class);
    }
}
