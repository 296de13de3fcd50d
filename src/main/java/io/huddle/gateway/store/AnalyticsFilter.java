package io.huddle.gateway.store;

import java.util.Set;

/**
 * Optional filters of an analytics query: each set keeps the rows whose value is one of it; an empty set keeps
 * everything. Channels and queues are the interaction's, reasons the help request's.
 */
public record AnalyticsFilter(Set<String> channels, Set<String> queues, Set<String> reasons, Set<String> agentIds,
                              Set<String> supervisorIds) {
    public static final AnalyticsFilter NONE = new AnalyticsFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public AnalyticsFilter {
        channels = Set.copyOf(channels);
        queues = Set.copyOf(queues);
        reasons = Set.copyOf(reasons);
        agentIds = Set.copyOf(agentIds);
        supervisorIds = Set.copyOf(supervisorIds);
    }
}
