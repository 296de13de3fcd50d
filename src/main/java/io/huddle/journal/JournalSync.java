package io.huddle.journal;

import io.huddle.client.Backoff;
import io.huddle.client.GatewayException;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalHead;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a journal to the gateway in the background, in seq order, in batches: after every commit, and
 * again with exponential backoff and jitter after a failure, until everything is acknowledged. The gateway
 * stores each (device, seq) once, so a batch re-sent because its answer was lost does no harm. What the
 * gateway acknowledged is kept in the journal, so the sync resumes where it stopped after a restart.
 * Owns one thread; {@link #close()} stops it. That thread is the only one that publishes the status, so the
 * listener hears the statuses in the order they were reached (a commit only signals it).
 */
public final class JournalSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalSync.class);

    /** The gateway's side: implemented over {@code GatewayClient} by {@link JournalSession}. */
    public interface Upstream {
        JournalHead post(JournalBatch batch);

        /** What the gateway holds of the device; null when nothing. */
        JournalHead head(String deviceId);
    }

    /**
     * @param linger how long an upload waits after a commit, so that a command's intent and outcome (committed
     *               a round trip apart) travel in one batch, and the upload's writes on both sides do not compete
     *               with the command in flight for the disk; {@link #flush} and {@link #wake} do not wait
     */
    public record Options(int maxEntries, int maxChars, Duration backoffBase, Duration backoffMax, double jitter,
                          Duration linger) {
        public static Options defaults() {
            return new Options(200, 512 * 1024, Duration.ofSeconds(1), Duration.ofMinutes(2), 0.2,
                    Duration.ofMillis(250));
        }

        public Options withBackoff(Duration base, Duration max) {
            return new Options(maxEntries, maxChars, base, max, jitter, linger);
        }

        public Options withMaxEntries(int n) {
            return new Options(n, maxChars, backoffBase, backoffMax, jitter, linger);
        }

        public Options withLinger(Duration d) {
            return new Options(maxEntries, maxChars, backoffBase, backoffMax, jitter, d);
        }
    }

    public enum State { SYNCED, SYNCING, OFFLINE, REFUSED }

    /** What the status bar shows: entries waiting, and why when they cannot be uploaded now. */
    public record Status(State state, long waiting, long acknowledgedSeq, String detail, Instant nextAttemptAt) {
    }

    private final Journal journal;
    private final Upstream upstream;
    private final Options options;
    private final Consumer<Status> listener;
    private final Backoff backoff;
    private final Object signal = new Object();
    private final Thread thread;
    private boolean woken = true; // guarded by signal
    private boolean committed; // guarded by signal: a commit since the status was last published
    private long dueAtNanos; // guarded by signal: an upload after the linger of a commit (0: none)
    private volatile boolean closed;
    private volatile Status status;
    private boolean reconcile;
    private int failures;
    private int conflicts;

    public JournalSync(Journal journal, Upstream upstream, Options options, Consumer<Status> listener) {
        this.journal = journal;
        this.upstream = upstream;
        this.options = options;
        this.listener = listener;
        this.backoff = new Backoff(options.backoffBase(), options.backoffMax(), options.jitter());
        this.status = new Status(State.SYNCING, journal.waiting(), journal.acknowledged().seq(), null, null);
        this.thread = new Thread(this::run, "huddle-journal-sync");
        thread.setDaemon(true);
        journal.onCommit(this::onCommit);
    }

    public JournalSync start() {
        thread.start();
        return this;
    }

    public Status status() {
        return status;
    }

    /** Tries again now (after a commit, or when the network is back). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * On the journal's writer: asks the sync thread to say more entries wait and to upload them once the linger
     * has passed since the first commit not yet uploaded (while backing off, they wait for the next attempt).
     */
    private void onCommit() {
        boolean backingOff = status.nextAttemptAt() != null;
        synchronized (signal) {
            committed = true;
            if (!backingOff) {
                if (options.linger().isZero()) {
                    woken = true;
                } else if (dueAtNanos == 0) {
                    dueAtNanos = System.nanoTime() + options.linger().toNanos();
                }
            }
            signal.notifyAll();
        }
    }

    /** Waits up to {@code timeout} for every entry to be acknowledged; true when none waits. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        wake();
        while (journal.waiting() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return journal.waiting() == 0;
    }

    private void run() {
        long retryAt = 0; // when the retry after a failure is due, in nanoTime (0: none)
        while (!closed) {
            boolean upload;
            boolean commitSeen;
            synchronized (signal) {
                // until woken, the retry's wait is over, the linger after a commit is, or a commit is to be told
                while (!woken && !closed && !committed && !due(retryAt) && !due(dueAtNanos)) {
                    long until = earliest(retryAt, dueAtNanos);
                    try {
                        if (until == 0) {
                            signal.wait();
                        } else {
                            TimeUnit.NANOSECONDS.timedWait(signal, until - System.nanoTime());
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                upload = woken || due(retryAt) || due(dueAtNanos);
                commitSeen = committed;
                committed = false;
                if (upload) {
                    woken = false;
                    dueAtNanos = 0;
                }
            }
            if (closed) {
                return;
            }
            if (upload) {
                long waitMillis = step();
                retryAt = waitMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) : 0;
            } else if (commitSeen) {
                publish(status.state() == State.SYNCED ? State.SYNCING : status.state(), status.detail(),
                        status.nextAttemptAt());
            }
        }
    }

    private static boolean due(long atNanos) {
        return atNanos != 0 && System.nanoTime() - atNanos >= 0;
    }

    /** The earlier of two deadlines in nanoTime, 0 standing for none. */
    private static long earliest(long a, long b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }

    /** One upload attempt; answers how long to wait before the next (0: until woken). */
    private long step() {
        try {
            if (reconcile) {
                JournalHead head = upstream.head(journal.deviceId());
                acknowledge(head == null ? new JournalHead(journal.deviceId(), 0, JournalEntry.GENESIS) : head);
                reconcile = false;
            }
            List<JournalEntry> batch = journal.entriesAfter(journal.acknowledged().seq(), options.maxEntries(),
                    options.maxChars());
            if (batch.isEmpty()) {
                failures = 0;
                publish(State.SYNCED, null, null);
                return 0;
            }
            publish(State.SYNCING, null, null);
            acknowledge(upstream.post(new JournalBatch(journal.deviceId(), batch)));
            failures = 0;
            conflicts = 0;
            wake(); // more may wait
            return 0;
        } catch (GatewayException e) {
            if (e.status() == 409) {
                reconcile = true;
                if (++conflicts == 1) {
                    LOG.info("journal sync: the gateway refused a batch ({}); asking what it holds", e.getMessage());
                    return retry(State.SYNCING, e.getMessage(), true);
                }
            }
            boolean transientFailure = e.status() >= 500 || e.status() == 429 || e.status() == 408;
            LOG.warn("journal sync: the gateway answered {} {}: {}", e.status(), e.code(), e.getMessage());
            return retry(transientFailure ? State.OFFLINE : State.REFUSED, e.getMessage(), false);
        } catch (JournalException e) {
            LOG.error("journal sync: {}", e.getMessage());
            return retry(State.REFUSED, e.getMessage(), false);
        } catch (RuntimeException e) {
            LOG.warn("journal sync: the upload failed; retrying with backoff: {}", e.toString());
            LOG.debug("journal sync failure", e);
            return retry(State.OFFLINE, e.getMessage(), false);
        }
    }

    private long retry(State state, String detail, boolean soon) {
        failures++;
        Duration d = soon ? Duration.ZERO : backoff.delay(failures, ThreadLocalRandom.current().nextDouble());
        publish(state, detail, Instant.now().plus(d));
        if (soon) {
            wake();
            return 0;
        }
        return Math.max(1, d.toMillis());
    }

    private void acknowledge(JournalHead head) {
        try {
            journal.acknowledge(new JournalChain.Anchor(head.highestSeq(), head.highestHash())).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof JournalException je ? je
                    : new JournalException("the acknowledgement could not be kept: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new JournalException("the journal did not record the acknowledgement in time", e);
        }
    }

    private void publish(State state, String detail, Instant next) {
        Status s = new Status(state, journal.waiting(), journal.acknowledged().seq(), detail, next);
        status = s;
        try {
            listener.accept(s);
        } catch (RuntimeException e) {
            LOG.error("a journal sync listener failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
