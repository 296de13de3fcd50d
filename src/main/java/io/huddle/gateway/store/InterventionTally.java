package io.huddle.gateway.store;

/**
 * The raw counts of one group of supervisor actions, as the store adds them up. Durations are milliseconds.
 * {@code interactions} and {@code interactionsWithAction} are null when the grouping has no interactions of its
 * own to count (by supervisor, by reason) or a reason filter is set.
 */
public record InterventionTally(String key, String label, Mode monitor, Mode coach, Mode bargeIn,
                                long monitorToBarge, Long interactions, Long interactionsWithAction) {

    /** One mode's actions: how many and how long in all. */
    public record Mode(long count, long totalMillis) {
    }
}
