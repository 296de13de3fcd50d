package io.huddle.gateway.store;

import java.util.Objects;

/** One of a tenant's domains (teams) and how many of its users belong to it. */
public record TenantDomain(String name, int users) {
    public TenantDomain {
        Objects.requireNonNull(name, "name");
    }
}
