package io.huddle.gateway.analytics;

import io.huddle.domain.DomainException;
import io.huddle.gateway.store.AnalyticsFilter;
import io.huddle.gateway.store.AnalyticsGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What a caller asks of the analytics: a range (either end may be missing), a grouping and filters. The limits
 * keep one answer small and fast: a range of at most {@link #MAX_RANGE}, by hour at most {@link #MAX_HOURLY_RANGE},
 * and at most {@link #MAX_GROUPS} groups (the largest; the answer says {@code truncated}).
 */
public record AnalyticsRequest(Instant from, Instant to, AnalyticsGroup groupBy, AnalyticsFilter filter) {
    public static final Duration DEFAULT_RANGE = Duration.ofDays(1);
    public static final Duration MAX_RANGE = Duration.ofDays(92);
    public static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);
    public static final int MAX_GROUPS = 200;

    /** The group named on the wire (hour, day, agent, supervisor, queue, channel, reason); else a 400. */
    public static AnalyticsGroup group(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.badRequest("query parameter 'groupBy' is required: " + names());
        }
        String n = name.strip().toUpperCase(Locale.ROOT);
        for (AnalyticsGroup g : AnalyticsGroup.values()) {
            if (g != AnalyticsGroup.TOTAL && g.name().equals(n)) {
                return g;
            }
        }
        throw DomainException.badRequest("query parameter 'groupBy' must be one of " + names());
    }

    /** The range this request covers at {@code now}: to defaults to now, from to a day before to. */
    Instant[] range(Instant now) {
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!start.isBefore(end)) {
            throw DomainException.badRequest("query parameter 'from' must be before 'to'");
        }
        Duration span = Duration.between(start, end);
        if (span.compareTo(MAX_RANGE) > 0) {
            throw DomainException.badRequest("the range from 'from' to 'to' must be at most " + MAX_RANGE.toDays()
                    + " days");
        }
        if (groupBy == AnalyticsGroup.HOUR && span.compareTo(MAX_HOURLY_RANGE) > 0) {
            throw DomainException.badRequest("grouped by hour, the range must be at most "
                    + MAX_HOURLY_RANGE.toDays() + " days: group by day instead");
        }
        return new Instant[] {start, end};
    }

    private static String names() {
        return "hour, day, agent, supervisor, queue, channel, reason";
    }
}
