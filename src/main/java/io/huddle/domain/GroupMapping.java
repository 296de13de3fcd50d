package io.huddle.domain;

import java.util.Objects;
import java.util.Set;

/**
 * One of a tenant's rules from its identity provider's groups to Huddle: members of {@code group} get
 * {@code roles}, and (when {@code domain} is not null) belong to that domain. See {@link IdentitySettings#place}.
 */
public record GroupMapping(String group, Set<Role> roles, String domain) {
    public GroupMapping {
        Objects.requireNonNull(group, "group");
        roles = Set.copyOf(roles);
    }
}
