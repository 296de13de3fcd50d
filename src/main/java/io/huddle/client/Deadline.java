package io.huddle.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a command's answer is due, fixed once when it is asked for (a person's click): every step before the
 * answer (recording the intent, sending, waiting for the ack) spends from the same time, so the one who
 * gives up and what is reported cannot disagree.
 */
public final class Deadline {
    private final Duration budget;
    private final long atNanos;
    private final LongSupplier nanoTime;

    private Deadline(Duration budget, LongSupplier nanoTime) {
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.atNanos = nanoTime.getAsLong() + budget.toNanos();
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return after(budget, System::nanoTime);
    }

    /** A deadline {@code budget} from now on the given clock ({@code System::nanoTime}; tests control it). */
    public static Deadline after(Duration budget, LongSupplier nanoTime) {
        return new Deadline(budget, nanoTime);
    }

    /** The time from asking to the deadline, for messages ("did not answer within 10 s"). */
    public Duration budget() {
        return budget;
    }

    /** The budget for a person: "10 s", "400 ms". */
    public String budgetInWords() {
        return Http.seconds(budget);
    }

    /** What is left, never below zero. */
    public long remainingNanos() {
        return Math.max(0, atNanos - nanoTime.getAsLong());
    }

    public boolean passed() {
        return remainingNanos() == 0;
    }
}
