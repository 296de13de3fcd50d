package io.huddle.gateway.auth;

import io.huddle.domain.DomainException;
import io.huddle.domain.User;
import io.huddle.gateway.store.GatewayStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in and bearer tokens. A token is 32 random bytes; only its SHA-256 digest is stored, so a copy of
 * the database cannot be used to sign in. More than five failures a minute for one user name, or thirty from
 * one remote address, answer 429 ({@link SignInThrottle}). An unknown user name costs the same password check as a wrong password, so the
 * time of the answer does not tell which names exist. A stored hash that cannot be read (or whose work factor
 * is out of bounds) fails the check the same way, after the same decoy check, and is logged once at WARN.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final GatewayStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SignInThrottle throttle;
    private final SignInThrottle addresses;
    private final CopyOnWriteArrayList<Consumer<String>> logoutListeners = new CopyOnWriteArrayList<>();
    private volatile String decoyHash; // made on the first unknown name, so start-up pays no PBKDF2

    public AuthService(GatewayStore store, PasswordHasher hasher, Clock clock) {
        this(store, hasher, clock, SignInThrottle.DEFAULT_MAX_NAMES);
    }

    /** With at most {@code maxThrottledNames} user names tracked for throttling (tests lower it). */
    AuthService(GatewayStore store, PasswordHasher hasher, Clock clock, int maxThrottledNames) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.throttle = SignInThrottle.perName(clock, maxThrottledNames);
        this.addresses = SignInThrottle.perAddress(clock, maxThrottledNames);
    }

    /** A successful sign-in. */
    public record SignIn(String token, Instant expiresAt, User user) {
    }

    /** Signs in with a password; callers that know no remote address (in-process ones) are throttled by name only. */
    public SignIn signIn(String tenant, String username, String password) {
        return signIn(tenant, username, password, null);
    }

    /**
     * Signs in with a password from a remote {@code address} (null: unknown): refused with 429 when the user name,
     * or the address, had too many failures in the last minute ({@link SignInThrottle}).
     */
    public SignIn signIn(String tenant, String username, String password, String address) {
        if (isBlank(tenant) || isBlank(username) || password == null) {
            throw DomainException.badRequest("fields 'tenant', 'username' and 'password' are required");
        }
        if (address != null) {
            addresses.attemptFrom(address);
        }
        throttle.attempt(tenant, username);
        Optional<User> user = store.findUser(tenant, username);
        String hash = user.flatMap(u -> store.passwordHash(u.id())).orElse(null);
        if (hash != null && !usable(user.get(), hash)) {
            hash = null; // a failed check like a wrong password, never a 500
        }
        boolean matches = hasher.verify(password.toCharArray(), hash != null ? hash : decoyHash());
        if (hash == null || !matches) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "unknown tenant, user name or password");
        }
        throttle.succeeded(tenant, username);
        storeAtCurrentWork(user.get(), password, hash);
        if (address != null) {
            addresses.succeededFrom(address);
        }
        if (!user.get().active()) {
            throw DomainException.forbidden("this user is disabled: an administrator of the tenant can enable it");
        }
        if (user.get().roles().isEmpty()) {
            throw DomainException.forbidden("this user has no role in Huddle: an administrator must give it one");
        }
        refuseLocalSignInWhereTurnedOff(user.get());
        return startSession(user.get());
    }

    /** After a right password: a hash made at another work factor is replaced by one at the gateway's. */
    private void storeAtCurrentWork(User user, String password, String hash) {
        if (!hasher.madeWithOtherWork(hash)) {
            return;
        }
        if (store.replacePasswordHash(user.id(), hash, hasher.hash(password.toCharArray()))) {
            LOG.info("password of user {} stored again at the gateway's work factor", user.id());
        }
    }

    /**
     * A tenant on single sign-on may turn passwords off; its administrators keep theirs, so a broken identity
     * provider cannot lock the tenant out (docs/identity.md). Checked after the password, so it tells nothing
     * to someone who does not know it.
     */
    private void refuseLocalSignInWhereTurnedOff(User user) {
        if (user.has(io.huddle.domain.Role.ADMIN)) {
            return;
        }
        store.identitySettings(user.tenant()).filter(s -> !s.localSignIn()).ifPresent(s -> {
            String provider = s.oidc() != null ? s.oidc().displayName() : "single sign-on";
            throw DomainException.forbidden("tenant '" + user.tenant() + "' signs in with " + provider
                    + ", not with a password: use \"Sign in with " + provider + "\"");
        });
    }

    /**
     * Starts a session for a user whose identity was proven another way (single sign-on): the same token, the
     * same lifetime, the same refusal of a disabled user or one without a role.
     */
    public SignIn startSession(User user) {
        if (!user.active()) {
            throw DomainException.forbidden("this user is disabled: an administrator of the tenant can enable it");
        }
        if (user.roles().isEmpty()) {
            throw DomainException.forbidden("this user has no role in Huddle: an administrator must give it one");
        }
        Instant now = clock.instant();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = now.plus(TOKEN_LIFETIME);
        store.saveSession(digest(token), user.id(), expires);
        return new SignIn(token, expires, user);
    }

    /**
     * The user behind a bearer token, or empty when it is unknown or expired, or its user has no role left:
     * every check of what a user may see or do starts from a role, so a user with none is let in nowhere.
     */
    public Optional<User> authenticate(String token) {
        if (isBlank(token)) {
            return Optional.empty();
        }
        return userOf(digest(token));
    }

    /**
     * Whether the sign-in behind this token digest is still valid, by the same rule as {@link #authenticate}:
     * an open stream of a user who lost every role (or was deleted) is closed like one whose session ended.
     */
    public boolean isValidDigest(String tokenDigest) {
        return userOfDigest(tokenDigest).isPresent();
    }

    /** The user behind a token digest as the store has them now; empty when {@link #isValidDigest} is false. */
    public Optional<User> userOfDigest(String tokenDigest) {
        return tokenDigest == null ? Optional.empty() : userOf(tokenDigest);
    }

    private Optional<User> userOf(String tokenDigest) {
        return store.sessionUser(tokenDigest, clock.instant()).flatMap(store::findUserById)
                .filter(u -> u.active() && !u.roles().isEmpty());
    }

    public void signOut(String token) {
        String digest = digest(token);
        store.deleteSession(digest);
        logoutListeners.forEach(l -> l.accept(digest));
    }

    /** Ends every session of a user at once (disabled, deactivated, deleted) and closes their open streams. */
    public int endSessionsOf(String userId) {
        java.util.List<String> digests = store.endSessionsOf(userId);
        digests.forEach(d -> logoutListeners.forEach(l -> l.accept(d)));
        return digests.size();
    }

    /** Called with the token digest when a session ends, so open streams can close. */
    public void onSignOut(Consumer<String> listener) {
        logoutListeners.add(listener);
    }

    public static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** How many user names the throttle tracks now. */
    long throttledNames() {
        return throttle.trackedNames();
    }

    /** Whether the user's stored hash can be checked; says once at WARN why not, quoting none of it. */
    private boolean usable(User user, String hash) {
        Optional<String> defect = hasher.defect(hash);
        defect.ifPresent(d -> LOG.warn("sign-in of user '{}' of tenant '{}' refused: its stored password hash {};"
                + " set a new password", user.username(), user.tenant(), d));
        return defect.isEmpty();
    }

    /** A hash of a random password, checked for an unknown name so it takes as long as a wrong password. */
    private String decoyHash() {
        String h = decoyHash;
        if (h == null) {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            h = hasher.hash(HexFormat.of().formatHex(secret).toCharArray());
            decoyHash = h;
        }
        return h;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
