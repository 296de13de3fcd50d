package io.huddle.journal;

import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A supervisor's action journal on this device: an append-only, hash-chained SQLite file (WAL,
 * {@code synchronous=FULL}). {@link #append} returns a future that completes only after the entry's commit
 * returned: until then the action is not recorded. Appends are group-committed by one writer thread that
 * this journal owns; {@link #close()} writes what is queued and stops it. Thread-safe.
 */
public final class Journal implements AutoCloseable {
    private static final String DEVICE = "device_id";
    private static final String OWNER = "owner";
    static final String ACKED_SEQ = "acked_seq";
    static final String ACKED_HASH = "acked_hash";

    private final Path file;
    private final Clock clock;
    private final String deviceId;
    private final Connection reader;
    private final JournalWriter writer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object enqueue = new Object();
    private volatile long lastSeq;
    private volatile String lastHash;
    private volatile JournalChain.Anchor acked;
    private boolean closed; // guarded by enqueue

    private Journal(Path file, Clock clock, Connection writerConnection, Connection reader, String deviceId,
                    JournalEntry last, JournalChain.Anchor acked) {
        this.file = file;
        this.clock = clock;
        this.reader = reader;
        this.deviceId = deviceId;
        this.lastSeq = last == null ? 0 : last.seq();
        this.lastHash = last == null ? JournalEntry.GENESIS : last.hash();
        this.acked = acked;
        this.writer = new JournalWriter("huddle-journal-writer", writerConnection, lastSeq, lastHash, acked, b -> {
            lastSeq = b.seq;
            lastHash = b.hash;
            this.acked = b.acked;
            listeners.forEach(Runnable::run);
        });
    }

    /**
     * Opens (creating) the journal file. With an owner, the file is bound to that supervisor on first use and
     * refused to anyone else afterwards.
     */
    public static Journal open(Path file, JournalScope owner, Clock clock) {
        Connection w = JournalStore.open(file, true);
        Connection r = null;
        try {
            String device = JournalStore.meta(w, DEVICE);
            if (device == null) {
                device = "dev-" + UUID.randomUUID();
                JournalStore.putMeta(w, DEVICE, device);
            }
            if (owner != null) {
                String who = owner.tenant() + "/" + owner.domain() + "/" + owner.supervisorId();
                String bound = JournalStore.meta(w, OWNER);
                if (bound == null) {
                    JournalStore.putMeta(w, OWNER, who);
                } else if (!bound.equals(who)) {
                    throw new JournalException("the journal " + file + " belongs to " + bound + ", not " + who, null);
                }
            }
            JournalEntry last = JournalStore.last(w);
            String ackedSeq = JournalStore.meta(w, ACKED_SEQ);
            JournalChain.Anchor acked = ackedSeq == null ? new JournalChain.Anchor(0, JournalEntry.GENESIS)
                    : new JournalChain.Anchor(Long.parseLong(ackedSeq), JournalStore.meta(w, ACKED_HASH));
            r = JournalStore.open(file, false);
            return new Journal(file, clock, w, r, device, last, acked);
        } catch (SQLException | RuntimeException e) {
            JournalException failure = e instanceof JournalException je ? je
                    : new JournalException("cannot open the journal " + file + ": " + e.getMessage(), e);
            JournalStore.closeQuietly(r, failure);
            JournalStore.closeQuietly(w, failure);
            throw failure;
        }
    }

    /**
     * Appends an entry; the future completes with the sealed entry after its commit returned, or fails with
     * a {@link JournalException} (then nothing was recorded).
     */
    public CompletableFuture<JournalEntry> append(JournalRecord record) {
        CompletableFuture<JournalEntry> done = new CompletableFuture<>();
        synchronized (enqueue) { // the client time follows the order of the chain; nothing queues after close
            if (closed) {
                done.completeExceptionally(new JournalException("the journal " + file + " is closed", null));
            } else {
                writer.submit(new JournalTasks.Append(unsealed(record, clock.millis()), done));
            }
        }
        return done;
    }

    /**
     * Remembers what the gateway acknowledged holding, durably. Fails when the journal has no such entry (the
     * gateway holds entries this file lost, or different ones).
     */
    public CompletableFuture<Void> acknowledge(JournalChain.Anchor anchor) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (enqueue) {
            if (closed) {
                done.completeExceptionally(new JournalException("the journal " + file + " is closed", null));
            } else {
                writer.submit(new JournalTasks.Acknowledge(anchor, done));
            }
        }
        return done;
    }

    /** The writer connection's synchronous setting (2 is FULL); for tests, while nothing is being written. */
    int writerSynchronousLevel() throws java.sql.SQLException {
        return writer.synchronousLevel();
    }

    private JournalEntry unsealed(JournalRecord r, long clientTime) {
        JournalScope s = r.scope();
        return new JournalEntry(JournalEntry.FORMAT, UUID.randomUUID().toString(), deviceId, 0, s.tenant(),
                s.domain(), s.supervisorId(), r.agentId(), r.interactionId(), r.helpRequestId(), r.action().name(),
                r.phase().name(), r.intentId(), clientTime,
                r.gatewayTime() == null ? null : r.gatewayTime().toEpochMilli(),
                r.outcome() == null ? null : r.outcome().name(), r.gatewayRef(), r.errorCode(), r.detail(),
                r.textDigest(), r.text(), null, null);
    }

    /** Entries after {@code seq} in order: at most {@code maxCount}, and at most about {@code maxChars} of text. */
    public List<JournalEntry> entriesAfter(long seq, int maxCount, int maxChars) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT " + JournalStore.COLUMNS
                    + " FROM entries WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, seq);
                ps.setInt(2, maxCount);
                List<JournalEntry> out = new ArrayList<>();
                int chars = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JournalEntry e = JournalRows.entry(rs);
                        chars += 600 + (e.text() == null ? 0 : e.text().length() * 6)
                                + (e.detail() == null ? 0 : e.detail().length() * 6);
                        if (!out.isEmpty() && chars > maxChars) {
                            break;
                        }
                        out.add(e);
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new JournalException("cannot read the journal " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Called on the writer thread after every commit (to wake a sync, to show what waits). */
    public void onCommit(Runnable listener) {
        listeners.add(listener);
    }

    public String deviceId() {
        return deviceId;
    }

    public Path file() {
        return file;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }

    /** What the gateway last acknowledged holding (seq 0 before anything was). */
    public JournalChain.Anchor acknowledged() {
        return acked;
    }

    /** Entries recorded here that the gateway has not acknowledged yet. */
    public long waiting() {
        return Math.max(0, lastSeq - acked.seq());
    }

    /** Transactions committed since the journal was opened (a group commit writes many entries in one). */
    public long commits() {
        return writer.commits();
    }

    /** Writes what is queued, stops the writer and closes the file. Safe to call twice. */
    @Override
    public void close() {
        synchronized (enqueue) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            writer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JournalStore.closeQuietly(reader, null);
        JournalStore.closeQuietly(writer.connection(), null);
    }
}
