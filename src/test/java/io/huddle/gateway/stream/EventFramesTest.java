package io.huddle.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.Channel;
import io.huddle.domain.User;
import io.huddle.gateway.GatewayTest;
import io.huddle.gateway.floor.FloorEvent;
import io.huddle.protocol.Json;
import io.huddle.protocol.stream.ServerFrame;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One event's payload is built once and shared by every stream that may see it alike (B4 depends on it). */
class EventFramesTest extends GatewayTest {
    private static final ObjectMapper JSON = Json.newMapper();

    private StreamSession session(String username) {
        User u = gw.user("acme", username);
        return new StreamSession("st-" + username, u, "digest", 100, Instant.now(), Runnable::run);
    }

    @Test
    void recipientsWhoSeeAnEventAlikeShareOnePayloadWithoutSeq() throws Exception {
        List<FloorEvent> events = new CopyOnWriteArrayList<>();
        gw.server().floors().addListener(events::add);
        gw.startInteraction("acme", "agent1", Channel.CHAT);
        FloorEvent started = events.stream().filter(e -> e instanceof FloorEvent.InteractionChanged).findFirst()
                .orElseThrow();

        EventFrames frames = new EventFrames(JSON, started, null);
        String first = frames.payloadFor(session("supervisor1"));
        String second = frames.payloadFor(session("supervisor2"));

        assertThat(second).isSameAs(first);
        ServerFrame read = JSON.readValue(first, ServerFrame.class);
        assertThat(read).isInstanceOf(ServerFrame.InteractionUpdated.class);
        assertThat(((ServerFrame.InteractionUpdated) read).seq()).as("each stream adds its own").isNull();
        assertThat(JSON.readTree(first).has("seq")).isFalse();
    }
}
