package io.huddle.protocol;

/**
 * One entry of a supervisor's action journal, as it is stored on the device, sent to the gateway and
 * hashed. Entries are immutable and append-only: an action is journaled as an {@code INTENT} entry
 * before its command is sent and an {@code OUTCOME} entry (ACK, ERROR or TIMEOUT) once the outcome is
 * known. {@link #hash} is SHA-256 over the canonical encoding of every other field
 * ({@link JournalCanonical}); {@link #prevHash} is the hash of the entry before on the same device
 * ({@link #GENESIS} for the first). See docs/journal.md.
 *
 * @param format        the canonical encoding's version ({@link #FORMAT})
 * @param id            unique id of the entry
 * @param deviceId      the journal's device (random, one per journal file)
 * @param seq           1, 2, 3, ... per device, without gaps
 * @param action        a {@code JournalAction} name: VIEW, ACCEPT, MONITOR, ..., SIGN_IN, SIGN_OUT
 * @param phase         INTENT or OUTCOME
 * @param intentId      an outcome's intent entry id; null for an intent
 * @param clientTime    the console's UTC clock, epoch milliseconds
 * @param gatewayTime   the gateway's time from its acknowledgement, epoch milliseconds; null otherwise
 * @param outcome       ACK, ERROR or TIMEOUT on an outcome; null on an intent
 * @param gatewayRef    the ids the gateway answered with (action, help request, transcript line); or null
 * @param errorCode     the gateway's or the client's error code on ERROR and TIMEOUT; or null
 * @param detail        a short human account (an error's message); or null
 * @param textDigest    SHA-256 hex of a message's UTF-8 text; or null
 * @param text          a message's text, only when the tenant stores message text; or null
 */
public record JournalEntry(int format, String id, String deviceId, long seq, String tenant, String domain,
                           String supervisorId, String agentId, String interactionId, String helpRequestId,
                           String action, String phase, String intentId, long clientTime, Long gatewayTime,
                           String outcome, String gatewayRef, String errorCode, String detail, String textDigest,
                           String text, String prevHash, String hash) {

    /** The version of the canonical encoding this build writes. */
    public static final int FORMAT = 1;

    /** The prevHash of a device's first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The stored columns from {@code tenant} to {@code hash}, in the record's order (both journal tables
     * keep them so); {@code gatewayTime} is a Long, every other one a String, any may be null.
     */
    public java.util.List<Object> columnsFromTenant() {
        return java.util.Arrays.asList(tenant, domain, supervisorId, agentId, interactionId, helpRequestId, action,
                phase, intentId, clientTime, gatewayTime, outcome, gatewayRef, errorCode, detail, textDigest, text,
                prevHash, hash);
    }

    /** This entry with another seq (the verifier uses it to find where a moved entry came from). */
    public JournalEntry withSeq(long newSeq) {
        return new JournalEntry(format, id, deviceId, newSeq, tenant, domain, supervisorId, agentId, interactionId,
                helpRequestId, action, phase, intentId, clientTime, gatewayTime, outcome, gatewayRef, errorCode,
                detail, textDigest, text, prevHash, hash);
    }

    /** This entry chained after {@code previousHash} and sealed with its own hash. */
    public JournalEntry sealed(long newSeq, String previousHash) {
        JournalEntry open = new JournalEntry(format, id, deviceId, newSeq, tenant, domain, supervisorId, agentId,
                interactionId, helpRequestId, action, phase, intentId, clientTime, gatewayTime, outcome, gatewayRef,
                errorCode, detail, textDigest, text, previousHash, null);
        return open.withHash(JournalCanonical.hash(open));
    }

    public JournalEntry withHash(String newHash) {
        return new JournalEntry(format, id, deviceId, seq, tenant, domain, supervisorId, agentId, interactionId,
                helpRequestId, action, phase, intentId, clientTime, gatewayTime, outcome, gatewayRef, errorCode,
                detail, textDigest, text, prevHash, newHash);
    }

    /** True when {@link #hash} is the hash of this entry's content. */
    public boolean hashMatches() {
        return hash != null && hash.equals(JournalCanonical.hash(this));
    }
}
