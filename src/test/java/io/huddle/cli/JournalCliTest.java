package io.huddle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.Huddle;
import io.huddle.gateway.TestGateway;
import io.huddle.journal.Journal;
import io.huddle.journal.JournalAction;
import io.huddle.journal.JournalRecord;
import io.huddle.journal.JournalScope;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalChains;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** huddle journal verify | export and huddle audit verify, as an auditor runs them. */
class JournalCliTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final JournalScope ME = new JournalScope("acme", "support", "acme:supervisor1");

    @TempDir
    Path dir;
    Path file;

    /** Ten entries at one-second steps of client time from 2026-11-25T09:00:00Z. */
    @BeforeEach
    void journal() throws Exception {
        file = dir.resolve("acme-supervisor1.db");
        Instant t0 = Instant.parse("2026-11-25T09:00:00Z");
        for (int i = 0; i < 10; i++) {
            try (Journal j = Journal.open(file, ME, Clock.fixed(t0.plusSeconds(i), ZoneOffset.UTC))) {
                j.append(JournalRecord.intent(ME, JournalAction.MONITOR, "acme:agent1", "=cmd|' /C calc'!A0", null))
                        .get(5, TimeUnit.SECONDS);
            }
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Huddle.commandLine(args).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void verifyNamesTheFirstBrokenEntry() throws Exception {
        Run ok = run("journal", "verify", "--file", file.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("OK", "10 entries", "up to seq 10");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE entries SET action = 'COACH' WHERE seq = 4");
        }
        Run broken = run("journal", "verify", "--file", file.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN", "at seq 4 (EDITED)", "3 entries before it hold");
        assertThat(run("journal", "verify", "--file", dir.resolve("none.db").toString()).exit()).isEqualTo(2);
    }

    @Test
    void verifyAgainstTheGatewaysAcknowledgementShowsACutOffTail() throws Exception {
        String hash9;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT hash FROM entries WHERE seq = 9");
            rs.next();
            hash9 = rs.getString(1);
            rs.close();
            s.execute("DELETE FROM entries WHERE seq > 6");
        }
        Run cut = run("journal", "verify", "--file", file.toString(), "--acked", "9:" + hash9);
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.out()).contains("at seq 7 (TRUNCATED)", "entries 7..9 were cut off");
        assertThat(run("journal", "verify", "--file", file.toString(), "--acked", "nine").exit()).isEqualTo(2);
    }

    @Test
    void exportsJsonThatVerifiesAndCsvThatASpreadsheetCannotRun() throws Exception {
        Path json = dir.resolve("out.json");
        Run j = run("journal", "export", "--format", "json", "--file", file.toString(), "--out", json.toString(),
                "--from", "2026-11-25T09:00:03Z", "--to", "2026-11-25T09:00:07Z");
        assertThat(j.exit()).as(j.err()).isZero();
        JsonNode entries = JSON.readTree(json.toFile());
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).get("seq").asLong()).isEqualTo(4);
        Run v = run("journal", "verify", "--file", json.toString());
        assertThat(v.exit()).as(v.out()).isZero();
        String text = Files.readString(json).replace("\"seq\":5,", "\"seq\":50,");
        Files.writeString(json, text);
        assertThat(run("journal", "verify", "--file", json.toString()).out()).contains("BROKEN", "at seq 5 (EDITED)");

        Run csv = run("journal", "export", "--format", "csv", "--file", file.toString());
        assertThat(csv.exit()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).startsWith("format,id,deviceId,seq,").endsWith(",prevHash,hash");
        assertThat(lines.get(1)).contains(",'=cmd|' /C calc'!A0,", "2026-11-25T09:00:00.000Z");
        assertThat(run("journal", "export", "--format", "xml", "--file", file.toString()).exit()).isEqualTo(2);
    }

    @Test
    void auditVerifyChecksEveryDeviceTheGatewayStored() throws Exception {
        Path data = dir.resolve("gateway");
        try (TestGateway gw = TestGateway.start(data)) {
            String token = gw.signIn("acme", "supervisor1");
            List<JournalEntry> chain = JournalChains.chain("dev-a", "acme:supervisor1", 1, 12, JournalEntry.GENESIS);
            assertThat(gw.call("POST", "/api/v1/journal/batches", token,
                    JSON.writeValueAsString(new JournalBatch("dev-a", chain))).statusCode()).isEqualTo(200);
        }
        Run ok = run("audit", "verify", "--data", data.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("OK", "dev-a", "12 entries", "1 device(s) verified, 0 broken");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gateway.db"));
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM journal_entries WHERE seq = 5");
        }
        Run broken = run("audit", "verify", "--data", data.toString(), "--device", "dev-a");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN", "at seq 5 (MISSING)");
    }
}
