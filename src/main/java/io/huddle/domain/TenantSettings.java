package io.huddle.domain;

import java.util.List;
import java.util.Set;

/**
 * Per-tenant switches. Call monitoring depends on the tenant's licence; a tenant may also limit it to
 * some channels. Help reasons are the short list the agent window offers.
 */
public record TenantSettings(String tenant, boolean monitoringEnabled, Set<Channel> monitoredChannels,
                             List<String> helpReasons, boolean storeMessageText) {
    public TenantSettings {
        monitoredChannels = Set.copyOf(monitoredChannels);
        helpReasons = List.copyOf(helpReasons);
    }

    public static TenantSettings defaults(String tenant) {
        return new TenantSettings(tenant, true, Set.of(Channel.values()),
                List.of("Customer escalation", "Policy question", "Technical issue", "Billing dispute", "Other"),
                false);
    }
}
