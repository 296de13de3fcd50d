package io.huddle.bench;

import io.huddle.domain.ActionType;
import io.huddle.domain.SupervisorAction;
import io.huddle.gateway.store.GatewayStore;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A floor's durable writes beside B5's searches: one supervisor action recorded (an fsync each) every
 * {@code periodMicros}, on one thread this object owns, until it is closed.
 */
final class FloorWrites implements AutoCloseable {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-floor-writes");
        t.setDaemon(true);
        return t;
    });
    private final GatewayStore store;
    private final String tenant;
    private final String domain;
    private final AtomicLong written = new AtomicLong();
    private final Samples latency = new Samples();

    FloorWrites(GatewayStore store, String tenant, String domain, long periodMicros) {
        this.store = store;
        this.tenant = tenant;
        this.domain = domain;
        thread.scheduleAtFixedRate(this::writeOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void writeOne() {
        long n = written.get();
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        store.saveAction(new SupervisorAction("live-" + n, tenant, domain, ActionType.MONITOR, tenant + ":sup-live",
                tenant + ":agent-live", "ix-live-" + (n % 100), null, now, null));
        latency.add(System.nanoTime() - t0);
        written.incrementAndGet();
    }

    long written() {
        return written.get();
    }

    Samples latency() {
        return latency;
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the floor's writes did not stop within 10 s");
        }
    }
}
