package io.huddle.client;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two threads of a {@link StreamClient}: the client thread, on which all its state changes, timers
 * and listener calls run in order, and a connector thread for the blocking socket opens and closes.
 * A task that throws is logged and the thread goes on. {@link #close()} stops both.
 */
final class ClientThreads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientThreads.class);

    private final ScheduledThreadPoolExecutor loop;
    private final ExecutorService connector;
    private final Duration connectorGrace;
    private volatile Thread loopThread;

    ClientThreads(String name, Duration connectorGrace) {
        this.connectorGrace = connectorGrace;
        this.loop = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
        loop.setRemoveOnCancelPolicy(true);
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.connector = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-connect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the task on the client thread, after those already queued; false once closed. */
    boolean post(Runnable task) {
        try {
            loop.execute(() -> guarded(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Runs the task on the client thread after a delay; null once closed. */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return loop.schedule(() -> guarded(task), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Runs a blocking socket task on the connector thread; runs it here once closed if {@code always}. */
    void connector(Runnable task, boolean always) {
        try {
            connector.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            if (always) {
                guarded(task);
            }
        }
    }

    boolean onClientThread() {
        return Thread.currentThread() == loopThread;
    }

    /** Calls a listener, logging what it throws, so a faulty listener cannot stop the stream. */
    static void deliver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("a stream listener failed; the stream goes on", e);
        }
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("stream client task failed", e);
        }
    }

    /**
     * Lets queued tasks finish (delayed ones are dropped) and stops both threads; waits for them unless
     * called on the client thread itself.
     */
    @Override
    public void close() {
        loop.shutdown();
        connector.shutdown();
        if (onClientThread()) {
            return;
        }
        try {
            if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the stream client thread did not stop within 5 s");
                loop.shutdownNow();
            }
            if (!connector.awaitTermination(connectorGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                connector.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
