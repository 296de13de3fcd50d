package io.huddle.gateway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A person at an OpenID provider ({@code issuer} and its {@code subject}, which the provider never reuses) tied to
 * one Huddle user of the tenant. {@code createdAtSignIn} says the user was made by that person's first single
 * sign-on. A user has at most one link per provider.
 */
public record UserLink(String tenant, String issuer, String subject, String userId, boolean createdAtSignIn,
                       Instant linkedAt) {
    public UserLink {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
