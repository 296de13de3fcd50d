package io.huddle.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalHead;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a commit the upload lingers, so a command's intent and outcome go up together; a flush does not wait. */
class JournalSyncLingerTest {
    @TempDir
    Path dir;
    Journal journal;
    JournalSync sync;
    final List<JournalBatch> posted = new CopyOnWriteArrayList<>();

    /** Acknowledges every batch it is sent, as the gateway does, and keeps them. */
    final JournalSync.Upstream upstream = new JournalSync.Upstream() {
        @Override
        public JournalHead post(JournalBatch batch) {
            posted.add(batch);
            JournalEntry last = batch.entries().get(batch.entries().size() - 1);
            return new JournalHead(batch.deviceId(), last.seq(), last.hash());
        }

        @Override
        public JournalHead head(String deviceId) {
            return null;
        }
    };

    @BeforeEach
    void open() {
        journal = Journal.open(dir.resolve("journal.db"), JournalFixtures.SCOPE, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        sync.close();
        journal.close();
    }

    /** Starts the sync and waits for its first look at the (empty) journal, so no commit races that. */
    private void startSync(Duration linger) {
        sync = new JournalSync(journal, upstream, JournalSync.Options.defaults().withLinger(linger), s -> { }).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sync.status().state() == JournalSync.State.SYNCED);
    }

    @Test
    void entriesCommittedWithinTheLingerGoUpInOneBatch() throws Exception {
        startSync(Duration.ofSeconds(3));
        JournalFixtures.append(journal, 1); // an intent
        Thread.sleep(20); // the command's round trip
        JournalFixtures.append(journal, 1); // its outcome
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.waiting() == 0);
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L);
    }

    @Test
    void withoutALingerEachCommitGoesUpAtOnce() throws Exception {
        startSync(Duration.ZERO);
        JournalFixtures.append(journal, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.waiting() == 0);
        JournalFixtures.append(journal, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.waiting() == 0);
        assertThat(posted).hasSize(2);
    }

    @Test
    void aFlushDoesNotWaitForTheLinger() throws Exception {
        startSync(Duration.ofMinutes(10));
        JournalFixtures.append(journal, 2);
        assertThat(sync.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(posted).hasSize(1);
    }
}
