package io.huddle.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the processes tests start. */
public final class Processes {
    private Processes() {
    }

    /**
     * Asks the process to end (SIGTERM), waits up to {@code grace}, then kills it (SIGKILL) and waits for that;
     * an interrupted wait kills it at once and keeps the interrupt.
     */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
