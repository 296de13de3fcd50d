package io.huddle.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The one place where work from other threads crosses into the JavaFX thread. Anything posted from any
 * thread is queued; once per pulse (at most 60 times a second) the queue is drained on the FX thread and
 * handed over as one batch. A burst of a thousand events a second becomes one update per frame, not a
 * thousand {@code Platform.runLater} calls.
 *
 * <p>The answer to a person's own click ({@link #postNow}) does not wait for the next pulse: it asks for
 * one drain at once, which takes everything queued before it too, in order. Those answers come at the pace
 * a person clicks, so the floor's events keep arriving in per-pulse batches.
 *
 * @param <T> what crosses
 */
public final class FxBridge<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> onFxThread;
    private final AnimationTimer timer;
    private final AtomicBoolean drainAsked = new AtomicBoolean();
    private final Executor fxThread;
    /** NEW drains only when asked ({@link #drain}, for tests); RUNNING also per pulse and on postNow; STOPPED never. */
    private enum State { NEW, RUNNING, STOPPED }

    private volatile State state = State.NEW;
    /** Held while a batch is handed over, so that {@link #stop} can wait for it. */
    private final Object handover = new Object();
    private volatile long lastBatchNanos;

    public FxBridge(Consumer<List<T>> onFxThread) {
        this(onFxThread, Platform::runLater);
    }

    /** @param fxThread runs a task on the FX thread as soon as it is free ({@code Platform::runLater}; tests record it) */
    FxBridge(Consumer<List<T>> onFxThread, Executor fxThread) {
        this.onFxThread = onFxThread;
        this.fxThread = fxThread;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drain();
            }
        };
    }

    /** Starts draining; call on the FX thread. */
    public void start() {
        state = State.RUNNING;
        timer.start();
    }

    /**
     * Stops draining; from any thread (a session closing on a shutdown thread). It waits for a batch being
     * handed over on the FX thread to finish, so nothing reaches the FX thread's consumer after it returns; what
     * is still queued, and whatever is posted later, is dropped. The pulse timer is stopped on the FX thread.
     */
    public void stop() {
        synchronized (handover) {
            state = State.STOPPED;
            queue.clear();
        }
        if (Platform.isFxApplicationThread()) {
            timer.stop();
        } else {
            try {
                Platform.runLater(timer::stop); // ignored once the toolkit has exited: nothing pulses then
            } catch (IllegalStateException e) {
                // the toolkit never started here: the timer never ran
            }
        }
    }

    /** Queues an item from any thread; it reaches the FX thread with the next pulse's batch (none once stopped). */
    public void post(T item) {
        if (state != State.STOPPED) {
            queue.add(item);
        }
    }

    /**
     * Queues an item from any thread and asks for a drain now rather than at the next pulse: for the outcome
     * of something the person just did. Posts made while that drain is pending join it.
     */
    public void postNow(T item) {
        post(item);
        if (state == State.RUNNING && drainAsked.compareAndSet(false, true)) {
            try {
                fxThread.execute(() -> {
                    drainAsked.set(false);
                    drain();
                });
            } catch (IllegalStateException exited) {
                // the toolkit is gone: nothing is shown any more
            }
        }
    }

    /** Drains what is queued now; on the FX thread. Public so tests can drain without waiting for a pulse. */
    public void drain() {
        synchronized (handover) {
            if (state == State.STOPPED || queue.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            List<T> batch = new ArrayList<>();
            T item;
            while ((item = queue.poll()) != null) {
                batch.add(item);
            }
            onFxThread.accept(batch);
            lastBatchNanos = System.nanoTime() - start;
        }
    }

    /** How long the last batch took on the FX thread (for benchmarks and diagnostics). */
    public long lastBatchNanos() {
        return lastBatchNanos;
    }

    public int pending() {
        return queue.size();
    }
}
