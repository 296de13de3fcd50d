package io.huddle.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.TranscriptLine;
import io.huddle.gateway.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that resumes its stream just as the ticker finds it expired is not left with a silent stream:
 * the hook resumes at the moment the ticker has decided, before it forgets the stream.
 */
class ResumeExpiryRaceTest {
    @TempDir
    Path dir;

    @Test
    void aResumeAtTheMomentOfExpiryEndsOnAStreamThatGetsEvents() throws InterruptedException {
        try (TestGateway gw = TestGateway.start(dir,
                new StreamHub.StreamSettings(Duration.ofMillis(200), Duration.ofMillis(100), 10_000))) {
            Interaction ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
            String token = gw.signIn("acme", "agent1");
            WsTestClient first = WsTestClient.connect(gw.streamUri(), token);
            String streamId = first.hello().path("streamId").asText();
            first.awaitType("snapshot");
            first.close();

            AtomicReference<WsTestClient> again = new AtomicReference<>();
            AtomicReference<JsonNode> welcome = new AtomicReference<>();
            CountDownLatch resumed = new CountDownLatch(1);
            gw.server().hub().onExpiring = s -> {
                if (s.id.equals(streamId) && resumed.getCount() > 0) {
                    WsTestClient c = WsTestClient.connect(gw.streamUri(), token);
                    again.set(c);
                    welcome.set(c.resume(streamId, 0));
                    resumed.countDown();
                }
            };
            assertThat(resumed.await(10, TimeUnit.SECONDS)).as("the ticker found the stream expired").isTrue();
            try (WsTestClient c = again.get()) {
                gw.server().platformSide().appendTranscript("acme", ix.id(), TranscriptLine.Speaker.CUSTOMER, "still there?");
                c.awaitFrame(Streams.line("still there?"), WsTestClient.WAIT);
                // either the resume won (resumed, frames from 1) or expiry did (a fresh snapshot): never silence
                if (!welcome.get().path("resumed").asBoolean()) {
                    c.awaitType("snapshot");
                }
                // the ticker forgets the expired stream right after the hook returns, on its own thread
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(gw.server().hub().streamCount()).isEqualTo(1));
            }
        }
    }
}
