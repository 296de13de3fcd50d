package io.huddle.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalChain.Problem;
import io.huddle.protocol.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with the journal file through plain SQL is detected every time, at its position: an edited,
 * deleted, inserted or reordered entry anywhere in the chain, and a cut-off tail against the gateway's
 * acknowledged seq and hash.
 */
class JournalTamperTest {
    private static final int N = 30;

    @TempDir
    static Path dir;
    static Path original;
    static List<JournalEntry> entries;
    private static int copies;

    @BeforeAll
    static void writeAJournal() throws Exception {
        original = dir.resolve("original.db");
        entries = JournalFixtures.fill(original, N);
        assertThat(JournalVerifier.verify(original, null).ok()).isTrue();
    }

    @Test
    void anEditedEntryIsFoundWhereverItIs() throws Exception {
        for (int k = 1; k <= N; k++) {
            Path f = copy();
            sql(f, "UPDATE entries SET agent_id = 'acme:agent9' WHERE seq = " + k);
            expect(f, null, k, Problem.EDITED);
        }
    }

    @Test
    void anEntryEditedAndRehashedIsFoundByTheNextOneOrTheAnchor() throws Exception {
        for (int k = 1; k <= N; k++) {
            Path f = copy();
            JournalEntry e = entries.get(k - 1);
            JournalEntry forged = new JournalEntry(e.format(), e.id(), e.deviceId(), e.seq(), e.tenant(), e.domain(),
                    e.supervisorId(), "acme:agent9", e.interactionId(), e.helpRequestId(), e.action(), e.phase(),
                    e.intentId(), e.clientTime(), e.gatewayTime(), e.outcome(), e.gatewayRef(), e.errorCode(),
                    e.detail(), e.textDigest(), e.text(), e.prevHash(), null).sealed(e.seq(), e.prevHash());
            try (Connection c = connect(f); PreparedStatement ps = c.prepareStatement(
                    "UPDATE entries SET agent_id = ?, hash = ? WHERE seq = ?")) {
                ps.setString(1, forged.agentId());
                ps.setString(2, forged.hash());
                ps.setLong(3, k);
                ps.executeUpdate();
            }
            JournalChain.Anchor anchor = k == N ? new JournalChain.Anchor(N, e.hash()) : null;
            expect(f, anchor, k, Problem.EDITED);
        }
    }

    @Test
    void aDeletedEntryIsFoundWithOrWithoutRenumbering() throws Exception {
        for (int k = 1; k < N; k++) {
            Path f = copy();
            sql(f, "DELETE FROM entries WHERE seq = " + k);
            expect(f, null, k, Problem.MISSING);
            Path g = copy();
            sql(g, "DELETE FROM entries WHERE seq = " + k, "UPDATE entries SET seq = -(seq - 1) WHERE seq > " + k,
                    "UPDATE entries SET seq = -seq WHERE seq < 0");
            expect(g, null, k, Problem.MISSING);
        }
    }

    @Test
    void anInsertedEntryIsFoundWhetherWellForgedOrNot() throws Exception {
        for (int k = 1; k <= N; k++) {
            String prev = k == 1 ? JournalEntry.GENESIS : entries.get(k - 2).hash();
            JournalEntry template = entries.get(k - 1);
            JournalEntry good = copyOf(template, "forged-" + k).sealed(k, prev);
            JournalEntry sloppy = copyOf(template, "sloppy-" + k).sealed(k, prev).withHash("ab".repeat(32));
            for (JournalEntry forged : List.of(good, sloppy)) {
                Path f = copy();
                sql(f, "UPDATE entries SET seq = -(seq + 1) WHERE seq >= " + k, "UPDATE entries SET seq = -seq WHERE seq < 0");
                try (Connection c = connect(f); PreparedStatement ps = c.prepareStatement(JournalStore.INSERT)) {
                    JournalStore.insert(ps, forged);
                }
                expect(f, null, k, Problem.INSERTED);
            }
        }
    }

    @Test
    void reorderedEntriesAreFoundNearOrFar() throws Exception {
        for (int k = 1; k < N; k++) {
            for (int d : new int[] {1, 6}) {
                if (k + d > N) {
                    continue;
                }
                Path f = copy();
                sql(f, "UPDATE entries SET seq = -1 WHERE seq = " + k,
                        "UPDATE entries SET seq = " + k + " WHERE seq = " + (k + d),
                        "UPDATE entries SET seq = " + (k + d) + " WHERE seq = -1");
                expect(f, null, k, Problem.REORDERED);
            }
        }
    }

    @Test
    void aCutOffTailIsFoundAgainstWhatTheGatewayAcknowledged() throws Exception {
        JournalChain.Anchor acked = new JournalChain.Anchor(N - 5, entries.get(N - 6).hash());
        for (int keep = 0; keep < N - 5; keep++) {
            Path f = copy();
            sql(f, "DELETE FROM entries WHERE seq > " + keep);
            expect(f, acked, keep + 1, Problem.TRUNCATED);
            assertThat(JournalVerifier.verify(f, acked).firstBreak().message()).contains("acknowledged entries up to seq "
                    + (N - 5));
        }
        Path beyond = copy();
        sql(beyond, "DELETE FROM entries WHERE seq > " + (N - 5));
        assertThat(JournalVerifier.verify(beyond, acked).ok()).as("entries never acknowledged may be lost").isTrue();
    }

    @Test
    void theFileRemembersTheGatewaysAcknowledgement() throws Exception {
        Path f = copy();
        sql(f, "INSERT INTO meta (key, value) VALUES ('acked_seq', '" + N + "'), ('acked_hash', '"
                + entries.get(N - 1).hash() + "')", "DELETE FROM entries WHERE seq > " + (N - 10));
        expect(f, null, N - 9, Problem.TRUNCATED);
    }

    private static JournalEntry copyOf(JournalEntry e, String id) {
        return new JournalEntry(e.format(), id, e.deviceId(), 0, e.tenant(), e.domain(), e.supervisorId(),
                e.agentId(), e.interactionId(), e.helpRequestId(), "DISCONNECT", e.phase(), e.intentId(),
                e.clientTime(), e.gatewayTime(), e.outcome(), e.gatewayRef(), e.errorCode(), e.detail(),
                e.textDigest(), e.text(), null, null);
    }

    private static void expect(Path f, JournalChain.Anchor anchor, long seq, Problem problem) {
        JournalChain.Report r = JournalVerifier.verify(f, anchor);
        assertThat(r.firstBreak()).as("a break in %s", f.getFileName()).isNotNull();
        assertThat(r.firstBreak().problem()).as(r.firstBreak().message()).isEqualTo(problem);
        assertThat(r.firstBreak().seq()).as(r.firstBreak().message()).isEqualTo(seq);
        assertThat(r.firstBreak().message()).contains(Long.toString(seq));
    }

    private static Path copy() throws Exception {
        Path f = dir.resolve("copy-" + (++copies) + ".db");
        Files.copy(original, f);
        return f;
    }

    private static Connection connect(Path f) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = OFF"); // the tamperer needs no durability; keeps the test quick
        }
        return c;
    }

    private static void sql(Path f, String... statements) throws SQLException {
        try (Connection c = connect(f); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
