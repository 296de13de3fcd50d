package io.huddle.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical encoding of a {@link JournalEntry}, which its hash is computed over: UTF-8 JSON, one
 * object, no whitespace, every field but {@code hash} in the fixed order below, absent values as
 * {@code null}, numbers as plain decimal integers. Strings escape only {@code "} and {@code \} (with a
 * backslash), U+0000..U+001F and unpaired surrogates (as {@code \}{@code u} and four lowercase hex
 * digits); every other character is written as itself. docs/journal.md gives the same rules with an
 * example, so the chain can be checked without this code.
 */
public final class JournalCanonical {

    /** The fields in canonical order (hash excluded). */
    public static final String FIELDS = "format,id,deviceId,seq,tenant,domain,supervisorId,agentId,interactionId,"
            + "helpRequestId,action,phase,intentId,clientTime,gatewayTime,outcome,gatewayRef,errorCode,detail,"
            + "textDigest,text,prevHash";

    private JournalCanonical() {
    }

    /** The canonical text of the entry, without its hash. */
    public static String text(JournalEntry e) {
        StringBuilder b = new StringBuilder(512).append('{');
        number(b, "format", (long) e.format());
        string(b, "id", e.id());
        string(b, "deviceId", e.deviceId());
        number(b, "seq", e.seq());
        string(b, "tenant", e.tenant());
        string(b, "domain", e.domain());
        string(b, "supervisorId", e.supervisorId());
        string(b, "agentId", e.agentId());
        string(b, "interactionId", e.interactionId());
        string(b, "helpRequestId", e.helpRequestId());
        string(b, "action", e.action());
        string(b, "phase", e.phase());
        string(b, "intentId", e.intentId());
        number(b, "clientTime", e.clientTime());
        number(b, "gatewayTime", e.gatewayTime());
        string(b, "outcome", e.outcome());
        string(b, "gatewayRef", e.gatewayRef());
        string(b, "errorCode", e.errorCode());
        string(b, "detail", e.detail());
        string(b, "textDigest", e.textDigest());
        string(b, "text", e.text());
        string(b, "prevHash", e.prevHash());
        return b.append('}').toString();
    }

    public static byte[] bytes(JournalEntry e) {
        return text(e).getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256, lowercase hex, of the canonical bytes. */
    public static String hash(JournalEntry e) {
        return sha256Hex(bytes(e));
    }

    /** SHA-256, lowercase hex, of a message's UTF-8 text: what the journal keeps instead of the text. */
    public static String digestText(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void name(StringBuilder b, String name) {
        if (b.length() > 1) {
            b.append(',');
        }
        b.append('"').append(name).append("\":");
    }

    private static void number(StringBuilder b, String name, Long value) {
        name(b, name);
        b.append(value == null ? "null" : Long.toString(value));
    }

    private static void string(StringBuilder b, String name, String value) {
        name(b, name);
        if (value == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || unpaired(value, i)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    private static boolean unpaired(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
