package io.huddle.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void appendsAreChainedGapFreeAndSurviveAReopen() throws Exception {
        Path file = dir.resolve("j.db");
        List<JournalEntry> first = JournalFixtures.fill(file, 5);
        assertThat(first).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(first.get(0).prevHash()).isEqualTo(JournalEntry.GENESIS);
        for (int i = 1; i < first.size(); i++) {
            assertThat(first.get(i).prevHash()).isEqualTo(first.get(i - 1).hash());
            assertThat(first.get(i).hashMatches()).isTrue();
        }
        try (Journal j = Journal.open(file, null, Clock.systemUTC())) {
            assertThat(j.lastSeq()).isEqualTo(5);
            assertThat(j.deviceId()).isEqualTo(first.get(0).deviceId());
            JournalEntry sixth = j.append(JournalFixtures.intent(6)).get(5, TimeUnit.SECONDS);
            assertThat(sixth.seq()).isEqualTo(6);
            assertThat(sixth.prevHash()).isEqualTo(first.get(4).hash());
        }
        JournalChain.Report report = JournalVerifier.verify(file, null);
        assertThat(report.ok()).isTrue();
        assertThat(report.entries()).isEqualTo(6);
    }

    @Test
    void anEntryIsInTheFileWhenItsFutureCompletes() throws Exception {
        Path file = dir.resolve("j.db");
        try (Journal j = Journal.open(file, null, Clock.systemUTC());
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (int i = 0; i < 20; i++) {
                JournalEntry e = j.append(JournalFixtures.intent(i)).get(5, TimeUnit.SECONDS);
                try (Statement s = other.createStatement();
                     ResultSet rs = s.executeQuery("SELECT hash FROM entries WHERE seq = " + e.seq())) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(e.hash());
                }
            }
        }
    }

    @Test
    void aBurstIsGroupCommittedWithFarFewerCommitsThanEntries() throws Exception {
        int threads = 8;
        int each = 250;
        try (Journal j = Journal.open(dir.resolve("j.db"), null, Clock.systemUTC())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<CompletableFuture<JournalEntry>> all = java.util.Collections.synchronizedList(new ArrayList<>());
            try {
                List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    submitted.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            all.add(j.append(JournalFixtures.intent(i)));
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : submitted) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdown();
            }
            List<Long> seqs = new ArrayList<>();
            for (CompletableFuture<JournalEntry> f : all) {
                seqs.add(f.get(30, TimeUnit.SECONDS).seq());
            }
            int n = threads * each;
            assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
            assertThat(j.commits()).isLessThanOrEqualTo(n / 10);
            assertThat(j.lastSeq()).isEqualTo(n);
        }
        assertThat(JournalVerifier.verify(dir.resolve("j.db"), null).ok()).isTrue();
    }

    @Test
    void closeWritesWhatIsQueuedAndLaterAppendsFail() throws Exception {
        Path file = dir.resolve("j.db");
        List<CompletableFuture<JournalEntry>> fs = new ArrayList<>();
        Journal j = Journal.open(file, null, Clock.systemUTC());
        for (int i = 0; i < 300; i++) {
            fs.add(j.append(JournalFixtures.intent(i)));
        }
        j.close();
        for (CompletableFuture<JournalEntry> f : fs) {
            assertThat(f).isCompleted();
            assertThat(f.get().seq()).isPositive();
        }
        assertThatThrownBy(() -> j.append(JournalFixtures.intent(1)).get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(JournalException.class)
                .hasMessageContaining("closed");
        j.close();
        assertThat(JournalVerifier.verify(file, null).entries()).isEqualTo(300);
    }

    @Test
    void aJournalBelongsToOneSupervisor() throws Exception {
        Path file = dir.resolve("j.db");
        Journal.open(file, JournalFixtures.SCOPE, Clock.systemUTC()).close();
        Journal.open(file, JournalFixtures.SCOPE, Clock.systemUTC()).close();
        assertThatThrownBy(() -> Journal.open(file, new JournalScope("acme", "support", "acme:supervisor2"),
                Clock.systemUTC())).isInstanceOf(JournalException.class).hasMessageContaining("belongs to");
    }

    @Test
    void entriesAreCommittedWithAnFsyncAgainAfterAnAcknowledgementThatWasNot() throws Exception {
        try (Journal j = Journal.open(dir.resolve("j.db"), null, Clock.systemUTC())) {
            assertThat(j.writerSynchronousLevel()).as("FULL").isEqualTo(2);
            List<JournalEntry> entries = JournalFixtures.append(j, 2);
            j.acknowledge(new JournalChain.Anchor(2, entries.get(1).hash())).get(5, TimeUnit.SECONDS);
            assertThat(j.writerSynchronousLevel()).as("FULL once the acknowledgement is committed").isEqualTo(2);
            JournalFixtures.append(j, 1);
            assertThat(j.writerSynchronousLevel()).isEqualTo(2);
            assertThat(j.acknowledged().seq()).isEqualTo(2);
        }
    }

    @Test
    void anAcknowledgementIsKeptOnlyWhenTheJournalHoldsThatEntry() throws Exception {
        Path file = dir.resolve("j.db");
        List<JournalEntry> entries;
        try (Journal j = Journal.open(file, null, Clock.systemUTC())) {
            entries = JournalFixtures.append(j, 4);
            j.acknowledge(new JournalChain.Anchor(3, entries.get(2).hash())).get(5, TimeUnit.SECONDS);
            assertThat(j.waiting()).isEqualTo(1);
            assertThatThrownBy(() -> j.acknowledge(new JournalChain.Anchor(3, entries.get(1).hash()))
                    .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(JournalException.class);
            assertThatThrownBy(() -> j.acknowledge(new JournalChain.Anchor(9, entries.get(1).hash()))
                    .get(5, TimeUnit.SECONDS)).hasMessageContaining("has no such entry");
            assertThat(j.acknowledged().seq()).isEqualTo(3);
        }
        try (Journal j = Journal.open(file, null, Clock.systemUTC())) {
            assertThat(j.acknowledged()).isEqualTo(new JournalChain.Anchor(3, entries.get(2).hash()));
            assertThat(j.waiting()).isEqualTo(1);
        }
    }
}
