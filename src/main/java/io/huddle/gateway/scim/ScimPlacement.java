package io.huddle.gateway.scim;

import io.huddle.domain.GroupMapping;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.GatewayStore;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Where a user that SCIM manages belongs, from their groups and the tenant's group mappings: the roles and domain
 * of {@link IdentitySettings#place}. Without a domain from their groups (no mapped group, or mappings that name
 * none) the domain is that of the tenant's first mapping that names one, or {@code default}.
 */
final class ScimPlacement {
    static final String DEFAULT_DOMAIN = "default";

    private final GatewayStore store;

    ScimPlacement(GatewayStore store) {
        this.store = store;
    }

    /** The user with the roles and domain these groups give. */
    User place(User user, Collection<String> groups) {
        IdentitySettings settings = store.identitySettings(user.tenant())
                .orElseGet(() -> IdentitySettings.defaults(user.tenant()));
        Optional<IdentitySettings.Placement> placement = settings.place(groups);
        Set<Role> roles = placement.map(IdentitySettings.Placement::roles).orElse(Set.of());
        String domain = placement.map(IdentitySettings.Placement::domain).orElseGet(() -> fallbackDomain(settings));
        if (domain == null) {
            domain = fallbackDomain(settings);
        }
        return new User(user.id(), user.tenant(), domain, user.username(), user.displayName(), roles,
                user.platformUserId(), user.active());
    }

    private static String fallbackDomain(IdentitySettings settings) {
        return settings.groupMappings().stream().map(GroupMapping::domain).filter(d -> d != null && !d.isBlank())
                .findFirst().orElse(DEFAULT_DOMAIN);
    }
}
