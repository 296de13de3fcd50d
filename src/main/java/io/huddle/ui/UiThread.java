package io.huddle.ui;

/**
 * Where view models send work that must run on the UI thread. In the apps it is an {@link FxBridge}
 * (batched per pulse); in view-model tests it runs the work at once.
 */
@FunctionalInterface
public interface UiThread {
    /** Runs the work on the UI thread with the next batch. */
    void post(Runnable work);

    /**
     * Runs the work on the UI thread as soon as it is free, with everything posted before it: for the
     * outcome of a person's own action. By default the same as {@link #post}.
     */
    default void postNow(Runnable work) {
        post(work);
    }

    /** The UI thread of an FX app: work crosses through its bridge. */
    static UiThread of(FxBridge<? super Runnable> bridge) {
        return new UiThread() {
            @Override
            public void post(Runnable work) {
                bridge.post(work);
            }

            @Override
            public void postNow(Runnable work) {
                bridge.postNow(work);
            }
        };
    }

    /** For tests: runs the work on the calling thread. */
    static UiThread direct() {
        return Runnable::run;
    }
}
