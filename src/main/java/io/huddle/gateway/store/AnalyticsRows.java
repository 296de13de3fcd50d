package io.huddle.gateway.store;

import java.util.List;

/**
 * The groups of an analytics query, and whether more groups matched than were returned. {@code total} is the
 * figures of everything that matched when the store added them up in the same pass (the interventions), else null.
 */
public record AnalyticsRows<T>(List<T> groups, boolean truncated, T total) {
    public AnalyticsRows {
        groups = List.copyOf(groups);
    }

    public AnalyticsRows(List<T> groups, boolean truncated) {
        this(groups, truncated, null);
    }
}
