package io.huddle.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import io.huddle.gateway.GatewayTest;
import io.huddle.gateway.floor.PlatformSide;
import io.huddle.protocol.Json;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.stream.ClientFrame;
import io.huddle.protocol.stream.CommandResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A view's reply and the lines the stream then follows meet without a gap or an overlap: a line appended
 * right after the view read the floor (the hook) is on the stream, once, and not lost between the two.
 */
class ViewFollowTest extends GatewayTest {
    private static final ObjectMapper JSON = Json.newMapper();

    @Test
    void aLineAppendedJustAfterTheViewReadTheFloorArrivesOnTheStreamOnce() {
        PlatformSide floor = gw.server().platformSide();
        Interaction ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
        floor.appendTranscript("acme", ix.id(), TranscriptLine.Speaker.CUSTOMER, "before the view");
        User sup = gw.user("acme", "supervisor1");
        StreamSession session = new StreamSession("st-view-test", sup, "digest", 100, Instant.now(), Runnable::run);
        List<String> streamed = new CopyOnWriteArrayList<>();
        gw.server().floors().addListener(event -> {
            String payload = new EventFrames(JSON, event, null).payloadFor(session);
            if (payload != null) {
                streamed.add(payload);
            }
        });
        CommandHandler handler = new CommandHandler(gw.server().helpLifecycle(), gw.server().platformControls(), gw.server().hub(), () ->
                floor.appendTranscript("acme", ix.id(), TranscriptLine.Speaker.CUSTOMER, "typed meanwhile"));

        CommandResult.View result = (CommandResult.View) handler.run(new ClientFrame.View(ix.id()), session);

        List<TranscriptLineDto> replied = result.transcript();
        List<String> seen = new ArrayList<>(replied.stream().map(TranscriptLineDto::text).toList());
        streamed.forEach(p -> seen.add(parse(p).path("line").path("text").asText()));
        assertThat(seen).containsExactly("before the view", "typed meanwhile");
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new AssertionError(payload, e);
        }
    }
}
