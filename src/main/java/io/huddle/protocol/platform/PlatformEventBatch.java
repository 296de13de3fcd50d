package io.huddle.protocol.platform;

import java.util.List;

/** The body of {@code POST /api/v1/platform/events}: at most {@link #MAX_EVENTS} events, in the platform's order. */
public record PlatformEventBatch(List<PlatformEvent> events) {
    public static final int MAX_EVENTS = 500;
    public static final int MAX_BYTES = 1024 * 1024;

    /** The answer: how many events were applied, were seen before, or concerned no live interaction. */
    public record Outcome(int applied, int duplicates, int ignored) {
    }
}
