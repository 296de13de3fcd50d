package io.huddle.gateway.store;

/**
 * The raw counts of one group of help requests, as the store adds them up; {@code gateway.analytics} turns them
 * into the published figures. Times are milliseconds; the percentiles are exact (nearest rank) and null when no
 * request of the group was accepted. {@code key} is null for the group of rows without a value.
 */
public record HelpRequestTally(String key, String label, long requests, long closed, long cancelled, long open,
                               long accepted, Long acceptP50Millis, Long acceptP90Millis, Long acceptMaxMillis,
                               long acceptedWithin, long serviceLevelBase, long breaches, long escalated,
                               long agents) {

    /** The same counts with the percentiles of the time to accept. */
    public HelpRequestTally withPercentiles(Long p50, Long p90) {
        return new HelpRequestTally(key, label, requests, closed, cancelled, open, accepted, p50, p90,
                acceptMaxMillis, acceptedWithin, serviceLevelBase, breaches, escalated, agents);
    }
}
