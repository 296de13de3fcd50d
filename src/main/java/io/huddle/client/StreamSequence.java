package io.huddle.client;

/**
 * Which stream this client follows and the last sequence number it applied: decides what a hello asks
 * to resume and whether a numbered event is applied, dropped as already seen, or reveals a gap.
 * Used on the client thread only.
 */
final class StreamSequence {

    /** What to do with a numbered event. */
    enum Verdict {
        /** The next one: apply it, then call {@link #applied}. */
        APPLY,
        /** Seen already (seq not above the last applied): drop it. */
        DUPLICATE,
        /** Events are missing before it: re-sync. */
        GAP,
        /** It came before the snapshot it builds on: drop it. */
        EARLY
    }

    private String streamId;
    private long lastSeq = -1;
    private boolean awaitingSnapshot;
    /** Where the last applied event or snapshot is in the gateway's floor log; null when it gave none. */
    private String position;

    /** The stream to resume, or null for a new one. */
    String resumeId() {
        return streamId;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The position to resume from on any gateway of the same database, or null. */
    String position() {
        return position;
    }

    /**
     * Takes a welcome. Returns true when it resumed this client's stream (missed events follow); otherwise
     * this is a new stream and a snapshot must come first.
     */
    boolean welcome(String id, boolean resumed) {
        if (resumed && id.equals(streamId) && lastSeq >= 0) {
            return true;
        }
        streamId = id;
        lastSeq = -1;
        position = null;
        awaitingSnapshot = true;
        return false;
    }

    void snapshot(long seq, String at) {
        lastSeq = seq;
        position = at;
        awaitingSnapshot = false;
    }

    Verdict offer(long seq) {
        if (awaitingSnapshot || lastSeq < 0) {
            return Verdict.EARLY;
        }
        if (seq <= lastSeq) {
            return Verdict.DUPLICATE;
        }
        if (seq != lastSeq + 1) {
            return Verdict.GAP;
        }
        return Verdict.APPLY;
    }

    /** The event {@link #offer} answered APPLY for was applied: the next one follows it. */
    void applied(long seq, String at) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("event " + seq + " applied after " + lastSeq);
        }
        lastSeq = seq;
        if (at != null) {
            position = at;
        }
    }

    /** Forgets the stream: the next hello asks for a new one (and a fresh snapshot). */
    void forget() {
        streamId = null;
        lastSeq = -1;
        position = null;
        awaitingSnapshot = false;
    }
}
