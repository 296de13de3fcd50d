package io.huddle.gateway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A single sign-on begun and not yet finished (docs/identity.md, "The flow"): kept by the digest of its state,
 * with the nonce the ID token must carry, the provider it went to and the loopback URI the code comes back to.
 * It is taken once; after {@code expiresAt} it is worth nothing.
 */
public record SsoAttempt(String stateDigest, String tenant, String issuer, String nonce, String redirectUri,
                         Instant expiresAt) {
    public SsoAttempt {
        Objects.requireNonNull(stateDigest, "stateDigest");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
