package io.huddle.gateway.scim;

import io.huddle.domain.AdminChange;
import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.store.ScimStore;
import io.huddle.gateway.store.ScimToken;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's SCIM bearer tokens: 32 random bytes each, shown once when made; the store keeps only the SHA-256
 * digest (as for sign-in sessions), so a copy of the database cannot provision anyone. Only an administrator of
 * the tenant makes, lists or revokes them, and each of those is kept in the audit of administration.
 */
public final class ScimTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ScimTokens.class);
    /** How often the time of a token's last use is written: not on every request. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    static final int MAX_NAME = 100;

    private final ScimStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ScimTokens(ScimStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A token just made: the secret is in {@code token} and nowhere else. */
    public record Created(ScimToken info, String token) {
    }

    public Created create(User admin, String name) {
        requireAdmin(admin);
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw DomainException.badRequest("field 'name' is required: 1 to " + MAX_NAME + " characters");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        ScimToken token = new ScimToken(UUID.randomUUID().toString(), admin.tenant(), name.strip(), now, admin.id(),
                null);
        store.saveToken(token, AuthService.digest(secret), change(admin, "scim_token.create", token,
                "name '" + token.name() + "'"));
        LOG.info("SCIM token '{}' ({}) of tenant '{}' made by '{}'", token.name(), token.id(), token.tenant(),
                admin.id());
        return new Created(token, secret);
    }

    public List<ScimToken> list(User admin) {
        requireAdmin(admin);
        return store.tokens(admin.tenant());
    }

    public void revoke(User admin, String tokenId) {
        requireAdmin(admin);
        ScimToken target = new ScimToken(tokenId, admin.tenant(), null, null, null, null);
        if (!store.deleteToken(admin.tenant(), tokenId, change(admin, "scim_token.revoke", target, null))) {
            throw DomainException.notFound("SCIM token", tokenId);
        }
        LOG.info("SCIM token {} of tenant '{}' revoked by '{}'", tokenId, admin.tenant(), admin.id());
    }

    /** The token behind a bearer secret, or empty; notes its use (at most once a minute per token). */
    public Optional<ScimToken> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        Optional<ScimToken> token = store.tokenByDigest(AuthService.digest(secret));
        token.ifPresent(t -> {
            Instant now = clock.instant();
            if (t.lastUsedAt() == null || t.lastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
                store.tokenUsed(t.id(), now);
            }
        });
        return token;
    }

    private static void requireAdmin(User user) {
        if (!user.has(Role.ADMIN)) {
            throw DomainException.forbidden("managing SCIM tokens requires the admin role");
        }
    }

    private AdminChange change(User admin, String action, ScimToken token, String detail) {
        return new AdminChange(UUID.randomUUID().toString(), admin.tenant(), clock.instant(), admin.id(),
                admin.username(), action, "scim_token", token.id(), detail);
    }
}
