package io.huddle.protocol;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/analytics/help-requests}: the figures of the help requests raised in [from, to), for all of
 * them ({@code total}) and per group. Each figure is defined in docs/analytics.md.
 */
public record HelpRequestAnalyticsDto(Instant from, Instant to, String groupBy, Instant asOf,
                                      double acceptWithinSeconds, boolean truncated, Figures total,
                                      List<Figures> groups) {

    /** One group's figures; {@code key} is null for the rows without a value (no queue, not accepted…). */
    public record Figures(String key, String label, long requests, long closed, long cancelled, long open,
                          Double cancelRate, long accepted, Double timeToAcceptP50Seconds,
                          Double timeToAcceptP90Seconds, Double timeToAcceptMaxSeconds, Double withinServiceLevel,
                          long breaches, long escalated, long agents, Double requestsPerAgent) {
    }
}
