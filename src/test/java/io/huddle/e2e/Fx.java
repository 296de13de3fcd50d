package io.huddle.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for UI tests: run on the FX thread and wait for its answer; wait until something holds. */
public final class Fx {
    /** The longest any UI test waits for one thing. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private Fx() {
    }

    /** Runs on the FX thread (also while a dialog's nested loop runs) and returns the result. */
    public static <T> T call(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (at most {@link #WAIT}) until the assertion holds; the last failure is reported. */
    public static void eventually(ThrowingRunnable assertion) {
        Awaitility.await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .untilAsserted(assertion);
    }
}
