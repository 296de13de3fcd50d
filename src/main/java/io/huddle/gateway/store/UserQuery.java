package io.huddle.gateway.store;

import io.huddle.domain.Role;

/**
 * Search over a tenant's users, ordered by user name. The tenant is always set by the caller from the signed-in
 * admin; the rest is optional (null): {@code text} matches the user name or the display name anywhere,
 * ignoring the case of ASCII letters; {@code cursor} resumes after the last user name of the previous page.
 */
public record UserQuery(String tenant, String text, String domain, Role role, Boolean active, int limit,
                        String cursor) {
}
