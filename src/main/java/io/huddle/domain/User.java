package io.huddle.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in. Belongs to exactly one tenant and one domain inside it. {@code platformUserId} is
 * the same person's user id on the tenant's contact-center platform (null when none is known): the Platform
 * API names agents and supervisors by it (docs/platform.md).
 */
public record User(String id, String tenant, String domain, String username, String displayName, Set<Role> roles,
                   String platformUserId) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    /** A user with no platform user id. */
    public User(String id, String tenant, String domain, String username, String displayName, Set<Role> roles) {
        this(id, tenant, domain, username, displayName, roles, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSupervisor() {
        return has(Role.AWA_MANAGER);
    }

    public boolean isAgent() {
        return has(Role.AWA_AGENT);
    }

    /** True when an object of this tenant and domain is in this user's scope. */
    public boolean inScope(String otherTenant, String otherDomain) {
        return tenant.equals(otherTenant) && domain.equals(otherDomain);
    }
}
