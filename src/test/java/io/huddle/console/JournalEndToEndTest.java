package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.client.FloorFeed;
import io.huddle.client.FloorState;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamOptions;
import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorMode;
import io.huddle.gateway.TestGateway;
import io.huddle.journal.JournalSession;
import io.huddle.protocol.JournalEntry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's commands over a real stream, journaled and uploaded: each outcome carries the gateway's
 * time and ids, the gateway's journal search finds every entry, its ids match the actions log, and the
 * sign-out is recorded around the gateway's own.
 */
class JournalEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aSupervisorsSessionIsJournaledAndUploaded() throws Exception {
        try (TestGateway gw = TestGateway.start(dir.resolve("gateway"))) {
            SignedIn me = GatewayClient.signIn(URI.create(gw.baseUrl()), "acme", "supervisor1",
                    TestGateway.PASSWORD.toCharArray());
            Interaction ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
            FloorState floor = new FloorState();
            floor.setUser(me.user());
            try (StreamClient stream = StreamClient.open(me, new FloorFeed(floor, c -> { }, s -> { }),
                    StreamOptions.defaults());
                 JournalSession journal = JournalSession.open(dir.resolve("journal"), me, Clock.systemUTC(), s -> { })) {
                await().atMost(Duration.ofSeconds(10)).until(() -> floor.interaction(ix.id()).isPresent());
                ConsoleGateway g = new JournalingConsoleGateway(new StreamConsoleGateway(stream, java.time.Duration.ofSeconds(10)), journal.journal(),
                        journal.scope(), floor);
                g.view(ix.id()).get(10, TimeUnit.SECONDS);
                g.act(ix.id(), ActionType.MONITOR, null).get(10, TimeUnit.SECONDS);
                String coach = g.act(ix.id(), ActionType.COACH, null).get(10, TimeUnit.SECONDS).action().id();
                await().atMost(Duration.ofSeconds(10)).until(() -> floor.interaction(ix.id()).orElseThrow()
                        .participants().stream().anyMatch(p -> p.mode() == SupervisorMode.COACH));
                g.send(ix.id(), "try the refund script").get(10, TimeUnit.SECONDS);
                g.act(ix.id(), ActionType.DISCONNECT, null).get(10, TimeUnit.SECONDS);
                // the last outcome is committed right after its answer was handed on
                await().atMost(Duration.ofSeconds(10)).until(() -> journal.journal().lastSeq() == 11);
                assertThat(journal.sync().flush(Duration.ofSeconds(10))).isTrue();

                List<JournalEntry> mine = journal.journal().entriesAfter(0, 100, Integer.MAX_VALUE);
                assertThat(mine).extracting(e -> e.action() + "/" + e.phase()).containsExactly("SIGN_IN/OUTCOME",
                        "VIEW/INTENT", "VIEW/OUTCOME", "MONITOR/INTENT", "MONITOR/OUTCOME", "COACH/INTENT",
                        "COACH/OUTCOME", "COACH_MESSAGE/INTENT", "COACH_MESSAGE/OUTCOME", "DISCONNECT/INTENT",
                        "DISCONNECT/OUTCOME");
                for (JournalEntry e : mine.subList(1, mine.size())) {
                    assertThat(e.agentId()).isEqualTo("acme:agent1");
                    if (e.phase().equals("OUTCOME")) {
                        assertThat(e.outcome()).isEqualTo("ACK");
                        assertThat(e.gatewayTime()).as(e.action()).isNotNull().isGreaterThanOrEqualTo(e.clientTime() - 5_000);
                        assertThat(e.gatewayRef()).as(e.action()).isNotNull();
                    }
                }
                assertThat(mine.get(6).gatewayRef()).isEqualTo(coach);
                assertThat(mine.get(7).text()).isNull();

                String auditor = gw.signIn("acme", "auditor1");
                JsonNode items = TestGateway.json(gw.call("GET", "/api/v1/journal/entries?interactionId=" + ix.id(),
                        auditor, null).body()).get("items");
                assertThat(items).hasSize(10);
                List<String> actionIds = new ArrayList<>();
                TestGateway.json(gw.call("GET", "/api/v1/actions?interactionId=" + ix.id(), auditor, null).body())
                        .get("items").forEach(a -> actionIds.add(a.get("id").asText()));
                assertThat(actionIds).containsExactlyInAnyOrder(mine.get(4).gatewayRef(), mine.get(6).gatewayRef(),
                        mine.get(10).gatewayRef());

                journal.signOut(Duration.ofSeconds(5));
                List<JournalEntry> after = journal.journal().entriesAfter(mine.size(), 10, Integer.MAX_VALUE);
                assertThat(after).extracting(e -> e.action() + "/" + e.phase() + "/" + e.outcome())
                        .containsExactly("SIGN_OUT/INTENT/null", "SIGN_OUT/OUTCOME/ACK");
                assertThat(gw.call("GET", "/api/v1/me", me.token(), null).statusCode()).isEqualTo(401);
            }
        }
    }
}
