package io.huddle.domain;

import java.util.List;
import java.util.Set;

/**
 * Per-tenant switches. Call monitoring depends on the tenant's licence; a tenant may also limit it to
 * some channels. Help reasons are the short list the agent window offers. {@code escalation} is the help
 * requests' escalation ladder (the defaults when none was set).
 */
public record TenantSettings(String tenant, boolean monitoringEnabled, Set<Channel> monitoredChannels,
                             List<String> helpReasons, boolean storeMessageText, EscalationSettings escalation) {
    public TenantSettings {
        monitoredChannels = Set.copyOf(monitoredChannels);
        helpReasons = List.copyOf(helpReasons);
        escalation = escalation == null ? EscalationSettings.defaults() : escalation;
    }

    /** Settings with the default escalation ladder. */
    public TenantSettings(String tenant, boolean monitoringEnabled, Set<Channel> monitoredChannels,
                          List<String> helpReasons, boolean storeMessageText) {
        this(tenant, monitoringEnabled, monitoredChannels, helpReasons, storeMessageText, null);
    }

    public TenantSettings withEscalation(EscalationSettings value) {
        return new TenantSettings(tenant, monitoringEnabled, monitoredChannels, helpReasons, storeMessageText, value);
    }

    public static TenantSettings defaults(String tenant) {
        return new TenantSettings(tenant, true, Set.of(Channel.values()),
                List.of("Customer escalation", "Policy question", "Technical issue", "Billing dispute", "Other"),
                false);
    }
}
