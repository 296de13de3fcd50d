package io.huddle.protocol.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every request between the gateway and a contact-center platform, in either direction
 * (docs/platform.md): {@code Huddle-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}.
 * The key is the secret's UTF-8 bytes. A request is valid when one {@code v1} matches and {@code t} is
 * within {@link #TOLERANCE} of the receiver's clock.
 */
public final class PlatformSignature {
    public static final String TENANT_HEADER = "Huddle-Tenant";
    public static final String SIGNATURE_HEADER = "Huddle-Signature";
    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    /** A header longer than this is refused unread: it cannot be a signature of ours. */
    static final int MAX_HEADER = 1024;

    private PlatformSignature() {
    }

    /** The header value for {@code body} sent at {@code at}. */
    public static String header(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
    }

    /** Why {@code header} does not sign {@code body} with {@code secret} at {@code now}; null when it does. */
    public static String problem(String header, String secret, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            return "the " + SIGNATURE_HEADER + " header is missing";
        }
        if (header.length() > MAX_HEADER) {
            return "the " + SIGNATURE_HEADER + " header is too long";
        }
        Long t = null;
        java.util.List<String> candidates = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                t = seconds(p.substring(2));
                if (t == null) {
                    return "the signature's t is not a number of seconds";
                }
            } else if (p.startsWith("v1=")) {
                candidates.add(p.substring(3));
            }
        }
        if (t == null || candidates.isEmpty()) {
            return "the " + SIGNATURE_HEADER + " header needs t=<unix seconds>,v1=<hex>";
        }
        if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return "the signature's time is more than " + TOLERANCE.toSeconds() + " s from the gateway's clock";
        }
        byte[] expected = HexFormat.of().formatHex(mac(secret, t, body)).getBytes(StandardCharsets.US_ASCII);
        for (String v1 : candidates) {
            // constant time: a timing difference must not tell how much of a guess was right
            if (MessageDigest.isEqual(expected, v1.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
        }
        return "the signature does not match";
    }

    private static Long seconds(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] mac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
