package io.huddle.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated platform on its own thread that issues events at a steady rate, round-robin over slots: each
 * millisecond it catches up with the schedule by calling {@link #emit}. Owns its thread; {@link #stop()}
 * ends it.
 */
abstract class PacedFeed {
    private final int rate;
    private final int slots;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long startedAt;
    final AtomicLong events = new AtomicLong();

    PacedFeed(int rate, int slots) {
        this.rate = rate;
        this.slots = slots;
        this.thread = new Thread(this::loop, "bench-platform");
        thread.setDaemon(true);
    }

    /** Issues the next event(s) for a slot; answers how many events that was. */
    abstract int emit(long n, int slot);

    /**
     * Issues the next event(s) for a slot when {@code owed} events are due by the schedule; a feed that sends
     * what piled up while it was busy in one batch, as a platform's adapter does, overrides this.
     */
    int emit(long n, int slot, long owed) {
        return emit(n, slot);
    }

    /** When event {@code n} was due by the schedule (System.nanoTime). */
    long dueAt(long n) {
        return startedAt + n * 1_000_000_000L / rate;
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }

    private void loop() {
        long t0 = System.nanoTime();
        startedAt = t0;
        long n = 0;
        int slot = 0;
        while (running) {
            long due = (System.nanoTime() - t0) * rate / 1_000_000_000L;
            while (n < due && running) {
                int issued = emit(n, slot, due - n);
                n += issued;
                events.addAndGet(issued);
                slot = (slot + 1) % slots;
            }
            BenchEnv.sleepUntil(System.nanoTime() + 1_000_000);
        }
    }
}
