package io.huddle.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in. Belongs to exactly one tenant and one domain inside it. {@code platformUserId} is
 * the same person's user id on the tenant's contact-center platform (null when none is known): the Platform
 * API names agents and supervisors by it (docs/platform.md). A user who is not {@code active} (disabled by an
 * administrator, or deactivated by the identity provider over SCIM) cannot sign in and has no session.
 */
public record User(String id, String tenant, String domain, String username, String displayName, Set<Role> roles,
                   String platformUserId, boolean active) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    /** An active user. */
    public User(String id, String tenant, String domain, String username, String displayName, Set<Role> roles,
                String platformUserId) {
        this(id, tenant, domain, username, displayName, roles, platformUserId, true);
    }

    /** An active user with no platform user id. */
    public User(String id, String tenant, String domain, String username, String displayName, Set<Role> roles) {
        this(id, tenant, domain, username, displayName, roles, null);
    }

    /** This user, active or not. */
    public User withActive(boolean value) {
        return new User(id, tenant, domain, username, displayName, roles, platformUserId, value);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A supervisor of their domain ({@code awa_manager}) or of the whole tenant ({@code awa_lead}). */
    public boolean isSupervisor() {
        return has(Role.AWA_MANAGER) || has(Role.AWA_LEAD);
    }

    public boolean isLead() {
        return has(Role.AWA_LEAD);
    }

    public boolean isAgent() {
        return has(Role.AWA_AGENT);
    }

    /** True when an object of this tenant and domain is in this user's scope: a lead's is the whole tenant. */
    public boolean inScope(String otherTenant, String otherDomain) {
        return tenant.equals(otherTenant) && (domain.equals(otherDomain) || isLead());
    }
}
