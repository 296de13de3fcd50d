package io.huddle.gateway.admin;

import java.util.List;

/** A user to create, as an administrator asked (fields unchecked: {@link UserRules} checks them). */
public record NewUser(String username, String displayName, String domain, List<String> roles, String platformUserId,
                      String password) {
}
