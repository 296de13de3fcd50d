package io.huddle.gateway.admin;

import java.util.List;

/**
 * Changes to a user, each optional. A null {@code displayName}, {@code domain}, {@code roles} or {@code active}
 * changes nothing; {@code platformUserId} and {@code password} change only when their {@code …Given} flag is
 * set, and then null removes them.
 */
public record UserPatch(String displayName, String domain, List<String> roles, Boolean active,
                        boolean platformUserIdGiven, String platformUserId, boolean passwordGiven, String password) {

    /** A patch that only enables or disables. */
    public static UserPatch active(boolean value) {
        return new UserPatch(null, null, null, value, false, null, false, null);
    }
}
