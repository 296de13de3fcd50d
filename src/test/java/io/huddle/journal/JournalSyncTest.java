package io.huddle.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.gateway.TestGateway;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalVerification;
import io.huddle.gateway.audit.JournalAudit;
import io.huddle.gateway.store.JournalDevice;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync against a real gateway through a proxy that breaks connections: dropped before the request,
 * dropped after the gateway committed but before the reply, and a gateway restart mid-sync. Every time the
 * gateway ends with each entry exactly once, no gaps, the chain intact, and the console's count at zero.
 */
class JournalSyncTest {
    @TempDir
    Path dir;
    TestGateway gateway;
    FaultProxy proxy;
    Journal journal;
    GatewayClient client;
    JournalSync sync;
    final List<JournalSync.Status> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        gateway = TestGateway.start(dir.resolve("gateway"));
        proxy = new FaultProxy(gateway.server().port());
        journal = Journal.open(dir.resolve("journal.db"), JournalFixtures.SCOPE, Clock.systemUTC());
        String token = gateway.signIn("acme", "supervisor1");
        client = new GatewayClient(new SignedIn(URI.create("http://127.0.0.1:" + proxy.port()), token,
                Instant.now().plusSeconds(3600), null), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private void startSync(int batch) {
        sync = new JournalSync(journal, JournalSession.upstream(client), JournalSync.Options.defaults()
                .withMaxEntries(batch).withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)), statuses::add).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (sync != null) {
            sync.close();
        }
        client.close();
        journal.close();
        proxy.close();
        gateway.close();
    }

    @Test
    void everythingIsUploadedInBatchesAndTheCountGoesToZero() throws Exception {
        JournalFixtures.append(journal, 450);
        startSync(200);
        awaitSynced(450);
        assertThat(statuses).anySatisfy(s -> assertThat(s.waiting()).isEqualTo(450));
        assertThat(sync.status().state()).isEqualTo(JournalSync.State.SYNCED);
        JournalFixtures.append(journal, 3);
        awaitSynced(453);
    }

    @Test
    void connectionsDroppedBeforeTheRequestAreRetried() throws Exception {
        proxy.inject(FaultProxy.Fault.DROP_BEFORE_REQUEST, 6);
        JournalFixtures.append(journal, 120);
        startSync(25);
        awaitSynced(120);
        assertThat(proxy.faultsDone.get()).isEqualTo(6);
    }

    @Test
    void answersLostAfterTheGatewayCommittedStoreNothingTwice() throws Exception {
        proxy.inject(FaultProxy.Fault.DROP_AFTER_COMMIT, 5);
        JournalFixtures.append(journal, 130);
        startSync(20);
        awaitSynced(130);
        assertThat(proxy.faultsDone.get()).isEqualTo(5);
    }

    @Test
    void aGatewayRestartMidSyncIsCaughtUpWithoutGapsOrDuplicates() throws Exception {
        JournalFixtures.append(journal, 1500);
        startSync(20);
        await().atMost(Duration.ofSeconds(30)).until(() -> journal.acknowledged().seq() >= 200);
        gateway.restart();
        JournalFixtures.append(journal, 10);
        awaitSynced(1510);
    }

    @Test
    void whileTheGatewayIsDownEntriesWaitAndAreSentWhenItIsBack() throws Exception {
        startSync(50);
        JournalFixtures.append(journal, 5);
        awaitSynced(5);
        gateway.stop();
        JournalFixtures.append(journal, 40);
        await().atMost(Duration.ofSeconds(10)).until(() -> sync.status().state() == JournalSync.State.OFFLINE
                && sync.status().waiting() == 40);
        gateway.startAgain();
        awaitSynced(45);
    }

    @Test
    void aGatewayThatLostEntriesIsGivenThemAgain() throws Exception {
        startSync(50);
        JournalFixtures.append(journal, 30);
        awaitSynced(30);
        sync.close();
        proxy.close();
        gateway.close();
        gateway = TestGateway.start(dir.resolve("gateway-restored"));
        proxy = new FaultProxy(gateway.server().port());
        client.close();
        client = new GatewayClient(new SignedIn(URI.create("http://127.0.0.1:" + proxy.port()),
                gateway.signIn("acme", "supervisor1"), Instant.now().plusSeconds(3600), null));
        JournalFixtures.append(journal, 5);
        startSync(50);
        awaitSynced(35);
    }

    /** The gateway holds seq 1..n exactly once each, with the journal's hashes, and the chain verifies. */
    private void awaitSynced(long n) {
        await().atMost(Duration.ofSeconds(60)).until(() -> journal.acknowledged().seq() == n);
        JournalDevice device = gateway.server().store().journalDevice(journal.deviceId()).orElseThrow();
        assertThat(device.highestSeq()).isEqualTo(n);
        List<JournalEntry> held = gateway.server().store().journalEntries(journal.deviceId(), 0, 100_000);
        assertThat(held).extracting(JournalEntry::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
        List<JournalEntry> mine = journal.entriesAfter(0, 100_000, Integer.MAX_VALUE);
        assertThat(held).extracting(JournalEntry::hash).containsExactlyElementsOf(
                mine.stream().map(JournalEntry::hash).toList());
        JournalVerification v = new JournalAudit(gateway.server().store()).verify(device);
        assertThat(v.ok()).as(String.valueOf(v.firstBreak())).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> sync.status().waiting() == 0);
    }
}
