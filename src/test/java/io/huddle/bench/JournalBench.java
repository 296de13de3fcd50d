package io.huddle.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * B3, the journal: durable appends under a burst ({@code journalWriters} threads submitting
 * {@code journalBurst} appends as fast as they can, each append complete only once committed with
 * synchronous=FULL), against the baseline of a raw sqlite-jdbc loop that inserts one row and commits, also
 * WAL with synchronous=FULL, in the same directory (same disk).
 */
final class JournalBench implements Bench {

    /** Something that appends entries durably: the future completes after the entry's commit. */
    interface Appender extends AutoCloseable {
        CompletableFuture<?> append(int i);

        /** Transactions committed so far (a group commit writes many entries in one). */
        long commits();

        @Override
        void close();
    }

    @Override
    public String id() {
        return "B3";
    }

    @Override
    public String title() {
        return "journal durable appends (group commit, synchronous=FULL)";
    }

    @Override
    public BenchResult run(BenchSize size, Path dir) throws Exception {
        BenchResult r = new BenchResult(id(), title()).parameter("burst", size.journalBurst())
                .parameter("writers", size.journalWriters()).parameter("rawCommits", size.rawCommits());
        Samples raw = rawLoop(dir.resolve("raw.db"), size.rawCommits());
        double rawPerSecond = raw.count() / (raw.mean() * raw.count() / 1e9);
        r.figure("raw_commits_per_s", rawPerSecond, "1/s");
        r.figure("raw_commit_p50_ms", Samples.ms(raw.percentile(50)), "ms");
        r.figure("raw_commit_p99_ms", Samples.ms(raw.percentile(99)), "ms");
        try (Appender journal = JournalHook.open(dir.resolve("journal.db"))) {
            burst(journal, Math.max(100, size.journalBurst() / 10), size.journalWriters()); // warm-up
            long commits0 = journal.commits();
            long t0 = System.nanoTime();
            Samples appends = burst(journal, size.journalBurst(), size.journalWriters());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long commits = journal.commits() - commits0;
            r.figure("journal_entries_per_s", size.journalBurst() / seconds, "1/s");
            r.figure("journal_append_p50_ms", Samples.ms(appends.percentile(50)), "ms");
            r.figure("journal_append_p99_ms", Samples.ms(appends.percentile(99)), "ms");
            r.figure("journal_entries_per_commit", commits == 0 ? Double.NaN : (double) size.journalBurst() / commits,
                    "");
            // the same journal at a steady 2,000 appends a second: the latency a supervisor's action sees
            Samples paced = paced(journal, 2_000, size.journalBurst());
            r.figure("paced_2000_per_s_append_p50_ms", Samples.ms(paced.percentile(50)), "ms");
            r.figure("paced_2000_per_s_append_p99_ms", Samples.ms(paced.percentile(99)), "ms");
        }
        r.ratio("journal_over_raw", r.value("journal_entries_per_s") / rawPerSecond,
                "durable entries/s of the journal / commits/s of the raw insert-and-commit loop");
        r.atLeast("journal_entries_per_s", 2_000, ">= 2,000 durable entries/s under a burst");
        r.note("journal_append_*: a burst submitted at once, so its latency is mostly waiting behind the burst; "
                + "paced_*: the same journal fed 2,000 appends a second from one thread");
        return r;
    }

    /** The baseline: insert one row, commit, repeat; the latency of each insert-and-commit (one thread). */
    static Samples rawLoop(Path file, int commits) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("CREATE TABLE entries (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, body TEXT NOT NULL)");
            }
            c.setAutoCommit(false);
            String body = "x".repeat(400);
            Samples s = new Samples(commits);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO entries (id, body) VALUES (?, ?)")) {
                int warm = Math.max(5, commits / 10);
                for (int i = 0; i < warm + commits; i++) {
                    long t0 = System.nanoTime();
                    ps.setString(1, "e-" + i);
                    ps.setString(2, body);
                    ps.executeUpdate();
                    c.commit();
                    if (i >= warm) {
                        s.add(System.nanoTime() - t0);
                    }
                }
            }
            return s;
        }
    }

    /** {@code count} appends at {@code rate} a second from one thread; the latency of each, submit to durable. */
    static Samples paced(Appender journal, int rate, int count) throws Exception {
        Samples latency = new Samples(count);
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            BenchEnv.sleepUntil(t0 + i * 1_000_000_000L / rate);
            long submitted = System.nanoTime();
            all.add(journal.append(i).whenComplete((v, e) -> latency.add(System.nanoTime() - submitted)));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        return latency;
    }

    /** {@code count} appends from {@code writers} threads at once; the latency of each, submit to durable. */
    static Samples burst(Appender journal, int count, int writers) throws Exception {
        Samples latency = new Samples(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<?>> all = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int from = w * count / writers;
            int to = (w + 1) * count / writers;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = from; i < to; i++) {
                    long t0 = System.nanoTime();
                    all.add(journal.append(i).whenComplete((v, e) -> latency.add(System.nanoTime() - t0)));
                }
            }, "bench-journal-writer-" + w);
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        return latency;
    }
}
