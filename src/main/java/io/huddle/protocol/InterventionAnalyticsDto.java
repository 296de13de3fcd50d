package io.huddle.protocol;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/analytics/interventions}: the figures of the supervisor actions started in [from, to), for
 * all of them ({@code total}) and per group. Each figure is defined in docs/analytics.md.
 */
public record InterventionAnalyticsDto(Instant from, Instant to, String groupBy, Instant asOf, boolean truncated,
                                       Figures total, List<Figures> groups) {

    /** One group's figures; the interaction counts are null where the grouping has none of its own. */
    public record Figures(String key, String label, Mode monitor, Mode coach, Mode bargeIn, long monitorToBarge,
                          Long interactions, Long interactionsWithAction, Double interactionShare) {
    }

    /** One mode: how many actions, their total and mean duration. */
    public record Mode(long count, double totalSeconds, Double meanSeconds) {
    }
}
