package io.huddle.gateway;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job run on one daemon thread: first after {@code first}, then {@code every} after each run ends. A run
 * that throws is logged and the next one comes all the same (an exception out of a scheduled task would
 * cancel every later run). Its owner starts it and {@link #close() closes} it, which waits for a running job.
 */
final class Periodic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Duration first;
    private final Duration every;
    private final Runnable job;
    private ScheduledExecutorService scheduler; // guarded by this; null until started

    /** @param name the thread's name, and what the log calls the job */
    Periodic(String name, Duration first, Duration every, Runnable job) {
        this.name = name;
        this.first = first;
        this.every = every;
        this.job = job;
    }

    synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException(name + " has already been started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runOnce, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed; it runs again in {} s", name, every.toSeconds(), e);
        }
    }

    /** Stops the schedule and waits up to 5 s for a running job, so what it writes to can be closed after it. */
    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within 5 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean isStopped() {
        return scheduler == null || scheduler.isTerminated();
    }
}
