package io.huddle.gateway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One analytics query, always scoped to one tenant and domain: rows whose start ({@code created_at} of a help
 * request, {@code started_at} of an action or interaction) is in [{@code from}, {@code to}), grouped. Whatever
 * is still running is measured up to {@code asOf}; {@code acceptWithinMillis} is the service level a wait is
 * held against. At most {@code maxGroups} groups come back (the largest, or the earliest hours and days).
 */
public record AnalyticsQuery(String tenant, String domain, Instant from, Instant to, AnalyticsGroup groupBy,
                             AnalyticsFilter filter, Instant asOf, long acceptWithinMillis, int maxGroups) {
    public AnalyticsQuery {
        Objects.requireNonNull(tenant, "an analytics query is always scoped to a tenant");
        Objects.requireNonNull(domain, "an analytics query is always scoped to a domain");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(asOf, "asOf");
    }

    public AnalyticsQuery grouped(AnalyticsGroup group) {
        return new AnalyticsQuery(tenant, domain, from, to, group, filter, asOf, acceptWithinMillis, maxGroups);
    }
}
