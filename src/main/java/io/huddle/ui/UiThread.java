package io.huddle.ui;

/**
 * Where view models send work that must run on the UI thread. In the apps it is an {@link FxBridge}
 * (batched per pulse); in view-model tests it runs the work at once.
 */
@FunctionalInterface
public interface UiThread {
    void post(Runnable work);

    /** For tests: runs the work on the calling thread. */
    static UiThread direct() {
        return Runnable::run;
    }
}
