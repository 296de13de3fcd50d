package io.huddle.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The one place where work from other threads crosses into the JavaFX thread. Anything posted from any
 * thread is queued; once per pulse (at most 60 times a second) the queue is drained on the FX thread and
 * handed over as one batch. A burst of a thousand events a second becomes one update per frame, not a
 * thousand {@code Platform.runLater} calls.
 *
 * @param <T> what crosses
 */
public final class FxBridge<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> onFxThread;
    private final AnimationTimer timer;
    private volatile long lastBatchNanos;
    private volatile boolean stopped;

    public FxBridge(Consumer<List<T>> onFxThread) {
        this.onFxThread = onFxThread;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drain();
            }
        };
    }

    /** Starts draining; call on the FX thread. */
    public void start() {
        stopped = false;
        timer.start();
    }

    /**
     * Stops draining; from any thread (a session closing on a shutdown thread): nothing more reaches the FX
     * thread after it returns, and the pulse timer is stopped on the FX thread.
     */
    public void stop() {
        stopped = true;
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

    /** Queues an item from any thread. */
    public void post(T item) {
        queue.add(item);
    }

    /** Drains what is queued now; on the FX thread. Public so tests can drain without waiting for a pulse. */
    public void drain() {
        if (stopped || queue.isEmpty()) {
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

    /** How long the last batch took on the FX thread (for benchmarks and diagnostics). */
    public long lastBatchNanos() {
        return lastBatchNanos;
    }

    public int pending() {
        return queue.size();
    }
}
