package io.huddle.client;

import java.time.Duration;

/** Exponential backoff: base, doubling up to max, then ± jitter (a fraction, e.g. 0.2 for ±20 %). */
public record Backoff(Duration base, Duration max, double jitter) {

    /**
     * @param attempt the failed attempts so far, from 1
     * @param random  a number in [0, 1)
     */
    public Duration delay(int attempt, double random) {
        double ms = base.toMillis() * Math.pow(2, Math.min(Math.max(attempt, 1) - 1, 30));
        ms = Math.min(ms, max.toMillis());
        ms *= 1 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(0, Math.round(ms)));
    }
}
