package io.huddle.gateway.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a random salt. The stored form names its own parameters
 * ({@code pbkdf2-sha256$iterations$salt$hash}), so the work factor can grow without breaking old hashes.
 * A stored form that cannot be read, or whose parameters are out of bounds, never matches: it is a failed
 * check, not an error, and its iteration count is bounded so a bad row cannot hold a thread for hours.
 */
public final class PasswordHasher {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** The bounds of the work factor, for new hashes and stored ones alike. */
    public static final int MIN_ITERATIONS = 1_000;
    public static final int MAX_ITERATIONS = 10_000_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MAX_SALT_BYTES = 64;
    private static final int KEY_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /** Whether the password matches the stored form; false, never an exception, when that is malformed. */
    public boolean verify(char[] password, String stored) {
        Stored s;
        try {
            s = Stored.parse(stored);
        } catch (MalformedHash e) {
            return false;
        }
        return MessageDigest.isEqual(s.key(), derive(password, s.salt(), s.iterations()));
    }

    /**
     * Whether a stored form that can be checked was made at another work factor than this hasher's, so that the
     * next successful sign-in should store the password again at this one (raised for security, or lowered
     * where it protects nothing, as in the desktop's embedded demo).
     */
    public boolean madeWithOtherWork(String stored) {
        try {
            return Stored.parse(stored).iterations() != iterations;
        } catch (MalformedHash e) {
            return false;
        }
    }

    /** Why a stored form cannot be checked, in words that quote no part of it; empty when it can. */
    public Optional<String> defect(String stored) {
        try {
            Stored.parse(stored);
            return Optional.empty();
        } catch (MalformedHash e) {
            return Optional.of(e.getMessage());
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A stored form, read and checked against the bounds. */
    private record Stored(int iterations, byte[] salt, byte[] key) {
        static Stored parse(String stored) throws MalformedHash {
            if (stored == null) {
                throw new MalformedHash("is missing");
            }
            String[] parts = stored.split("\\$", -1);
            if (parts.length != 4 || !SCHEME.equals(parts[0])) {
                throw new MalformedHash("is not in the form " + SCHEME + "$iterations$salt$hash");
            }
            if (!parts[1].matches("[0-9]{1,9}")) {
                throw new MalformedHash("has an iteration count that is not a whole number");
            }
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                throw new MalformedHash("has an iteration count outside " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
            }
            byte[] salt = base64(parts[2], "salt");
            if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
                throw new MalformedHash("has a salt of " + salt.length + " bytes, not " + MIN_SALT_BYTES + ".."
                        + MAX_SALT_BYTES);
            }
            byte[] key = base64(parts[3], "hash");
            if (key.length != KEY_BITS / 8) {
                throw new MalformedHash("has a hash of " + key.length + " bytes, not " + KEY_BITS / 8);
            }
            return new Stored(iterations, salt, key);
        }

        private static byte[] base64(String text, String what) throws MalformedHash {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedHash("has a " + what + " that is not valid Base64");
            }
        }
    }

    /** A stored form that cannot be checked; its message quotes no part of it. */
    private static final class MalformedHash extends Exception {
        MalformedHash(String message) {
            super(message, null, false, false);
        }
    }
}
