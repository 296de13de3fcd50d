package io.huddle.domain;

import java.util.Locale;

/**
 * What a user may do. Wire names are the lower-case CCaaS role names. {@code awa_lead} is a supervisor of the
 * whole tenant (every domain): the help requests' escalation group.
 */
public enum Role {
    AWA_MANAGER, AWA_AGENT, AUDITOR, ADMIN, AWA_LEAD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        for (Role r : values()) {
            if (r.wireName().equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "'");
    }
}
