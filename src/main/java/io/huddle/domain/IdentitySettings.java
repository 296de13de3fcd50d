package io.huddle.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a tenant's people sign in and where their roles come from (docs/identity.md). {@code localSignIn}
 * allows passwords kept by Huddle (a tenant on single sign-on turns it off; its administrators keep theirs,
 * so a broken identity provider cannot lock the tenant out). {@code oidc} is the OpenID provider the tenant
 * trusts, or null. {@code createOnFirstSignIn} lets a person the provider vouches for be created at their first
 * sign-in; otherwise they must exist first (made by an admin or by SCIM). {@code groupMappings} turn the
 * provider's groups (the ID token's groups claim, or SCIM group membership) into roles and a domain.
 */
public record IdentitySettings(String tenant, boolean localSignIn, OidcProvider oidc, boolean createOnFirstSignIn,
                               List<GroupMapping> groupMappings) {

    public IdentitySettings {
        groupMappings = List.copyOf(groupMappings);
    }

    /** A tenant nobody configured: local passwords, no provider, no mappings. */
    public static IdentitySettings defaults(String tenant) {
        return new IdentitySettings(tenant, true, null, false, List.of());
    }

    /**
     * Where a member of these groups belongs: the union of the roles of every mapping that names one of the
     * groups, and the domain of the first such mapping (in the settings' order) that names a domain. Empty when
     * no mapping grants a role. Group names compare exactly, as providers send them.
     */
    public Optional<Placement> place(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String domain = null;
        for (GroupMapping m : groupMappings) {
            if (groups.contains(m.group())) {
                roles.addAll(m.roles());
                if (domain == null && m.domain() != null) {
                    domain = m.domain();
                }
            }
        }
        return roles.isEmpty() ? Optional.empty() : Optional.of(new Placement(roles, domain));
    }

    /** The groups that mappings name, in order, once each. */
    public List<String> mappedGroups() {
        List<String> out = new ArrayList<>();
        for (GroupMapping m : groupMappings) {
            if (!out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** Roles and a domain (null when no mapping names one) granted by group membership. */
    public record Placement(Set<Role> roles, String domain) {
        public Placement {
            roles = Set.copyOf(roles);
        }
    }
}
