package io.huddle.protocol;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;

/**
 * Walks a journal's hash chain in stored order and reports the first break: the seq where it is and
 * what was done there. Each entry must hash to its {@code hash}, carry the next seq and point with
 * {@code prevHash} at the hash of the entry before. When that fails, the walker looks up to
 * {@link #WINDOW} entries around for where the content came from, to tell an edit from an insertion, a
 * deletion or a reordering. Entries are read once, with a small look-ahead, so a journal of any size fits.
 *
 * <p>Limits (docs/journal.md): whoever can rewrite every entry from some point on, re-hashing each, makes a
 * chain that is whole again; only an {@link Anchor} the gateway acknowledged shows that.
 */
public final class JournalChain {
    public static final int WINDOW = 32;

    /** What is wrong at a break. */
    public enum Problem { EDITED, MISSING, INSERTED, REORDERED, TRUNCATED }

    /** The highest seq and its hash that the gateway acknowledged holding. */
    public record Anchor(long seq, String hash) {
    }

    /** Where the chain must start. */
    public record Start(long seq, String prevHash) {
        /** A whole journal: seq 1, after 64 zeros. */
        public static Start genesis() {
            return new Start(1, JournalEntry.GENESIS);
        }

        /** A slice (an export with a time range): wherever its first entry says it is. */
        public static Start anywhere() {
            return new Start(-1, null);
        }
    }

    public record Break(long seq, Problem problem, String message) {
    }

    /** The walk's result: how many entries held, the last good one, and the first break or null. */
    public record Report(long entries, long lastSeq, String lastHash, Break firstBreak) {
        public boolean ok() {
            return firstBreak == null;
        }
    }

    private JournalChain() {
    }

    public static Report verify(Iterator<JournalEntry> entries, Start start, Anchor anchor) {
        Window w = new Window(entries);
        long expSeq = start.seq();
        String expPrev = start.prevHash();
        long count = 0;
        long lastSeq = 0;
        String lastHash = null;
        String anchorHash = null;
        while (w.has(0)) {
            JournalEntry r = w.get(0);
            if (count == 0 && expSeq < 0) {
                expSeq = r.seq();
                expPrev = r.seq() == 1 ? JournalEntry.GENESIS : r.prevHash();
            }
            Break b = check(w, r, expSeq, expPrev, count == 0);
            if (b != null) {
                return new Report(count, lastSeq, lastHash, b);
            }
            count++;
            lastSeq = r.seq();
            lastHash = r.hash();
            if (anchor != null && r.seq() == anchor.seq()) {
                anchorHash = r.hash();
            }
            expSeq++;
            expPrev = r.hash();
            w.advance();
        }
        Break b = againstAnchor(anchor, count, lastSeq, anchorHash);
        return new Report(count, lastSeq, lastHash, b);
    }

    private static Break againstAnchor(Anchor anchor, long count, long lastSeq, String anchorHash) {
        if (anchor == null || anchor.seq() <= 0) {
            return null;
        }
        if (count == 0 || lastSeq < anchor.seq()) {
            long from = count == 0 ? 1 : lastSeq + 1;
            return new Break(from, Problem.TRUNCATED, "the journal ends at seq " + (count == 0 ? 0 : lastSeq)
                    + " but the gateway acknowledged entries up to seq " + anchor.seq() + ": entries " + from
                    + ".." + anchor.seq() + " were cut off");
        }
        if (anchorHash != null && !anchorHash.equals(anchor.hash())) {
            return new Break(anchor.seq(), Problem.EDITED, "entry " + anchor.seq() + " is not the entry the gateway"
                    + " acknowledged (hash " + anchor.hash() + "): the journal was rewritten up to there");
        }
        return null;
    }

    private static Break check(Window w, JournalEntry r, long expSeq, String expPrev, boolean first) {
        boolean ownOk = r.hashMatches();
        if (r.seq() == expSeq && ownOk && Objects.equals(r.prevHash(), expPrev)) {
            return null;
        }
        if (r.seq() != expSeq && ownOk) {
            if (r.seq() > expSeq) {
                if (ahead(w, expSeq)) {
                    return new Break(expSeq, Problem.REORDERED, "entry " + expSeq + " comes after entry " + r.seq()
                            + ": entries are out of order");
                }
                return new Break(expSeq, Problem.MISSING, r.seq() - expSeq == 1 ? "entry " + expSeq + " is missing"
                        : "entries " + expSeq + ".." + (r.seq() - 1) + " are missing");
            }
            return new Break(r.seq(), Problem.INSERTED, "a second entry with seq " + r.seq() + " follows entry "
                    + (expSeq - 1));
        }
        if (ownOk) {
            if (w.has(1) && originalSeq(w.get(1)) == r.seq() && Objects.equals(w.get(1).prevHash(), expPrev)) {
                return inserted(r.seq());
            }
            if (first) {
                return new Break(r.seq(), Problem.EDITED, "entry " + r.seq() + " does not start the chain: its"
                        + " prevHash is not " + expPrev);
            }
            return new Break(expSeq - 1, Problem.EDITED, "entry " + (expSeq - 1) + " was changed after it was"
                    + " written and its hash recomputed: entry " + r.seq() + " does not chain to it");
        }
        if (r.seq() != expSeq) {
            if (r.withSeq(expSeq).hashMatches()) {
                return new Break(expSeq, Problem.EDITED, "entry " + expSeq + " was changed after it was written: its"
                        + " seq now reads " + r.seq());
            }
            return new Break(expSeq, r.seq() > expSeq ? Problem.MISSING : Problem.EDITED, "entry " + expSeq
                    + " is not there: the next entry carries seq " + r.seq() + " and its hash does not match its content");
        }
        long o = originalSeq(r);
        if (o >= 0 && o < r.seq()) {
            return new Break(o, Problem.INSERTED, (r.seq() - o == 1 ? "an entry was" : (r.seq() - o)
                    + " entries were") + " inserted at seq " + o + ": the entry written as seq " + o
                    + " now sits at seq " + r.seq());
        }
        if (o > r.seq()) {
            if (ahead(w, r.seq())) {
                return new Break(r.seq(), Problem.REORDERED, "entries were reordered: seq " + r.seq()
                        + " holds the entry written as seq " + o);
            }
            return new Break(r.seq(), Problem.MISSING, (o - r.seq() == 1 ? "entry " + r.seq() + " was"
                    : "entries " + r.seq() + ".." + (o - 1) + " were") + " deleted and the later entries renumbered");
        }
        if (w.has(1) && originalSeq(w.get(1)) == r.seq()) {
            return inserted(r.seq());
        }
        return new Break(r.seq(), Problem.EDITED, "entry " + r.seq() + " was changed after it was written: its"
                + " hash does not match its content");
    }

    private static Break inserted(long seq) {
        return new Break(seq, Problem.INSERTED, "an entry was inserted at seq " + seq + ": the entry written as seq "
                + seq + " now sits at seq " + (seq + 1));
    }

    /** Whether an entry after the current one was written as entry {@code seq}. */
    private static boolean ahead(Window w, long seq) {
        for (int i = 1; w.has(i); i++) {
            if (w.get(i).withSeq(seq).hashMatches()) {
                return true;
            }
        }
        return false;
    }

    /** The seq the entry's content was hashed with, searched within the window; -1 when none. */
    static long originalSeq(JournalEntry e) {
        if (e.hashMatches()) {
            return e.seq();
        }
        for (int d = 1; d <= WINDOW; d++) {
            if (e.seq() - d >= 1 && e.withSeq(e.seq() - d).hashMatches()) {
                return e.seq() - d;
            }
            if (e.withSeq(e.seq() + d).hashMatches()) {
                return e.seq() + d;
            }
        }
        return -1;
    }

    /** The entries being looked at: the current one and up to WINDOW after it. */
    private static final class Window {
        private final Iterator<JournalEntry> source;
        private final ArrayDeque<JournalEntry> buffer = new ArrayDeque<>();

        Window(Iterator<JournalEntry> source) {
            this.source = source;
        }

        boolean has(int i) {
            while (buffer.size() <= i && i <= WINDOW && source.hasNext()) {
                buffer.addLast(source.next());
            }
            return i < buffer.size();
        }

        JournalEntry get(int i) {
            if (!has(i)) {
                throw new IndexOutOfBoundsException(i);
            }
            int k = 0;
            for (JournalEntry e : buffer) {
                if (k++ == i) {
                    return e;
                }
            }
            throw new IllegalStateException();
        }

        void advance() {
            buffer.pollFirst();
        }
    }
}
