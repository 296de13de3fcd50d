package io.huddle.gateway.admin;

import io.huddle.domain.User;
import java.util.Objects;

/** Who makes a change of administration, as the audit names them: a user, or {@code cli} on the gateway's machine. */
public record Actor(String tenant, String id, String name) {
    public static final String CLI = "cli";

    public Actor {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
    }

    public static Actor of(User user) {
        return new Actor(user.tenant(), user.id(), user.username());
    }

    /** {@code huddle admin bootstrap}, working on the gateway's database directly. */
    public static Actor cli(String tenant) {
        return new Actor(tenant, CLI, CLI);
    }
}
