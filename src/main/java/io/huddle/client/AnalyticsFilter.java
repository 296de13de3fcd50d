package io.huddle.client;

import io.huddle.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An analytics query (docs/analytics.md): a range, what to group by (hour, day, agent, supervisor, queue, channel,
 * reason) and optional filters, each kept when the row's value is one of the set (empty: no filter).
 */
public record AnalyticsFilter(Instant from, Instant to, String groupBy, Set<String> channels, Set<String> queues,
                              Set<String> reasons, Set<String> agentIds, Set<String> supervisorIds) {
    public AnalyticsFilter {
        channels = Set.copyOf(channels);
        queues = Set.copyOf(queues);
        reasons = Set.copyOf(reasons);
        agentIds = Set.copyOf(agentIds);
        supervisorIds = Set.copyOf(supervisorIds);
    }

    public static AnalyticsFilter of(Instant from, Instant to, String groupBy) {
        return new AnalyticsFilter(from, to, groupBy, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public AnalyticsFilter groupedBy(String group) {
        return new AnalyticsFilter(from, to, group, channels, queues, reasons, agentIds, supervisorIds);
    }

    /** The query's parameters, a repeated name once per value, in a stable order. */
    List<Map.Entry<String, String>> query() {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        if (from != null) {
            q.add(Map.entry("from", Json.format(from)));
        }
        if (to != null) {
            q.add(Map.entry("to", Json.format(to)));
        }
        q.add(Map.entry("groupBy", groupBy.toLowerCase(Locale.ROOT)));
        add(q, "channel", channels);
        add(q, "queue", queues);
        add(q, "reason", reasons);
        add(q, "agentId", agentIds);
        add(q, "supervisorId", supervisorIds);
        return q;
    }

    private static void add(List<Map.Entry<String, String>> q, String name, Set<String> values) {
        values.stream().sorted().forEach(v -> q.add(Map.entry(name, v)));
    }
}
