package io.huddle.gateway.store;

import java.util.List;

/** The groups of an analytics query, and whether more groups matched than were returned. */
public record AnalyticsRows<T>(List<T> groups, boolean truncated) {
    public AnalyticsRows {
        groups = List.copyOf(groups);
    }
}
