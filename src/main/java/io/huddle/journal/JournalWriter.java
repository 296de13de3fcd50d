package io.huddle.journal;

import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's one writer thread and its group commit: it takes every task waiting in the queue (up to
 * {@link #MAX_BATCH}), writes them in one transaction and completes their futures only after the commit
 * returned, so a burst of appends shares one fsync instead of queueing behind one each. A failed commit
 * fails every future of its batch and changes nothing.
 */
final class JournalWriter {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    static final int MAX_BATCH = 512;

    /** A unit of work; {@code apply} runs inside the batch's transaction. */
    interface Task {
        void apply(Batch batch) throws SQLException;

        void commitFailed(JournalException e);

        void committed();
    }

    /** The state of the chain while a batch is written. */
    static final class Batch {
        final Connection connection;
        final PreparedStatement insert;
        long seq;
        String hash;
        JournalChain.Anchor acked;

        Batch(Connection connection, PreparedStatement insert, long seq, String hash, JournalChain.Anchor acked) {
            this.connection = connection;
            this.insert = insert;
            this.seq = seq;
            this.hash = hash;
            this.acked = acked;
        }
    }

    private static final Task STOP = new Task() {
        @Override
        public void apply(Batch batch) {
        }

        @Override
        public void commitFailed(JournalException e) {
        }

        @Override
        public void committed() {
        }
    };

    private final Connection connection;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final AtomicLong commits = new AtomicLong();
    private final Consumer<Batch> afterCommit;
    private final Thread thread;
    private long seq;
    private String hash;
    private JournalChain.Anchor acked;
    /** The connection may still be at synchronous=NORMAL after an acknowledgement (writer thread only). */
    private boolean relaxed;

    JournalWriter(String name, Connection connection, long seq, String hash, JournalChain.Anchor acked,
                  Consumer<Batch> afterCommit) {
        this.connection = connection;
        this.seq = seq;
        this.hash = hash;
        this.acked = acked;
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void submit(Task task) {
        queue.add(task);
    }

    Connection connection() {
        return connection;
    }

    long commits() {
        return commits.get();
    }

    /** Lets every queued task be written, then stops the thread; waits for it. */
    void stop() throws InterruptedException {
        queue.add(STOP);
        thread.join(15_000);
        if (thread.isAlive()) {
            LOG.warn("the journal writer did not stop within 15 s");
        }
    }

    private void run() {
        List<Task> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                LOG.warn("the journal writer was interrupted; queued entries fail");
                stopping = true;
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            stopping |= batch.remove(STOP);
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
        }
        List<Task> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(t -> t.commitFailed(new JournalException("the journal is closed", null)));
    }

    private void write(List<Task> tasks) {
        // Only what the gateway acknowledged: losing it in a power cut costs a re-upload the gateway answers from
        // what it holds, so it waits for no fsync (WAL: the commit reaches the OS; the next entry's commit or a
        // checkpoint puts it on the disk). Entries are always committed with synchronous=FULL.
        boolean ackOnly = tasks.stream().allMatch(t -> t instanceof JournalTasks.Acknowledge);
        Batch b;
        try (PreparedStatement insert = connection.prepareStatement(JournalStore.INSERT)) {
            if (ackOnly) {
                relaxed = true;
                synchronous("NORMAL");
            } else if (relaxed) {
                synchronous("FULL"); // a failed restore after an acknowledgement: never write an entry without it
                relaxed = false;
            }
            connection.setAutoCommit(false);
            b = new Batch(connection, insert, seq, hash, acked);
            try {
                for (Task t : tasks) {
                    t.apply(b);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
                if (ackOnly) {
                    synchronous("FULL");
                    relaxed = false;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("journal write of {} task(s) failed; none of them was recorded", tasks.size(), e);
            JournalException failure = new JournalException("the journal could not record this: " + e.getMessage(), e);
            tasks.forEach(t -> t.commitFailed(failure));
            return;
        }
        commits.incrementAndGet();
        seq = b.seq;
        hash = b.hash;
        acked = b.acked;
        afterCommit.accept(b);
        tasks.forEach(Task::committed);
    }

    /** The connection's synchronous setting (0 OFF, 1 NORMAL, 2 FULL); for tests, while the writer is idle. */
    int synchronousLevel() throws SQLException {
        try (java.sql.Statement s = connection.createStatement();
             java.sql.ResultSet r = s.executeQuery("PRAGMA synchronous")) {
            return r.next() ? r.getInt(1) : -1;
        }
    }

    private void synchronous(String level) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous = " + level);
        }
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static JournalEntry chain(Batch b, JournalEntry unsealed) throws SQLException {
        JournalEntry e = unsealed.sealed(b.seq + 1, b.hash);
        JournalStore.insert(b.insert, e);
        b.seq = e.seq();
        b.hash = e.hash();
        return e;
    }
}
