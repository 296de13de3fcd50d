package io.huddle.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalHead;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync's status never goes back: a commit made while the sync thread is still telling the listener
 * "synced" is told after it, not before it (the writer and the sync thread both used to publish).
 */
class JournalSyncStatusOrderTest {
    @TempDir
    Path dir;

    @Test
    void aCommitDuringTheDeliveryOfSyncedIsToldAfterIt() throws Exception {
        CountDownLatch deliveringSynced = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean holdSynced = new AtomicBoolean(true);
        List<JournalSync.Status> told = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        JournalSync.Upstream never = new JournalSync.Upstream() {
            @Override
            public JournalHead post(JournalBatch batch) {
                throw new AssertionError("nothing is uploaded within the linger");
            }

            @Override
            public JournalHead head(String deviceId) {
                throw new AssertionError("not asked");
            }
        };
        try (Journal journal = Journal.open(dir.resolve("j.db"), JournalFixtures.SCOPE, Clock.systemUTC());
             JournalSync sync = new JournalSync(journal, never, JournalSync.Options.defaults()
                     .withLinger(Duration.ofHours(1)), s -> {
                         if (s.state() == JournalSync.State.SYNCED && holdSynced.getAndSet(false)) {
                             deliveringSynced.countDown();
                             awaitQuietly(release);
                         }
                         threads.add(Thread.currentThread().getName());
                         told.add(s); // in the order the listener finished hearing them
                     })) {
            sync.start();
            assertThat(deliveringSynced.await(5, TimeUnit.SECONDS)).isTrue();
            journal.append(JournalRecord.signedIn(JournalFixtures.SCOPE)).get(5, TimeUnit.SECONDS);
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> !told.isEmpty()
                    && told.get(told.size() - 1).state() == JournalSync.State.SYNCING
                    && told.get(told.size() - 1).waiting() == 1);
            assertThat(told).extracting(JournalSync.Status::state)
                    .containsExactly(JournalSync.State.SYNCED, JournalSync.State.SYNCING);
            assertThat(threads).containsExactly("huddle-journal-sync");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
