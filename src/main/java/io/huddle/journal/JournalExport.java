package io.huddle.journal;

import static io.huddle.protocol.Csv.cell;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.JournalCanonical;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;

/**
 * Writes a journal's entries for an auditor: CSV (one row per entry, every field of the canonical
 * encoding plus the hash, times as ISO-8601; cells a spreadsheet would run as formulas are prefixed with
 * {@code '}) or JSON (an array of entries exactly as hashed, which {@link JournalVerifier} can check).
 */
public final class JournalExport {
    public enum Format { CSV, JSON }

    public static final String CSV_HEADER = JournalCanonical.FIELDS + ",hash";
    private static final ObjectMapper JSON = Json.newMapper();

    private JournalExport() {
    }

    /** Writes the entries whose client time is in [from, to); returns how many. */
    public static long write(Path journal, Format format, Instant from, Instant to, Writer out) {
        try (JournalFile file = JournalFile.open(journal)) {
            return file.read(from, to, rows -> {
                try {
                    return format == Format.CSV ? csv(rows, out) : json(rows, out);
                } catch (IOException e) {
                    throw new UncheckedIOException("the export could not be written", e);
                }
            });
        }
    }

    private static long csv(Iterator<JournalEntry> rows, Writer out) throws IOException {
        out.write(CSV_HEADER + "\r\n");
        long n = 0;
        while (rows.hasNext()) {
            JournalEntry e = rows.next();
            String[] cells = {Integer.toString(e.format()), e.id(), e.deviceId(), Long.toString(e.seq()), e.tenant(),
                    e.domain(), e.supervisorId(), e.agentId(), e.interactionId(), e.helpRequestId(), e.action(),
                    e.phase(), e.intentId(), time(e.clientTime()), e.gatewayTime() == null ? null
                    : time(e.gatewayTime()), e.outcome(), e.gatewayRef(), e.errorCode(), e.detail(), e.textDigest(),
                    e.text(), e.prevHash(), e.hash()};
            StringBuilder line = new StringBuilder();
            for (String c : cells) {
                line.append(line.length() == 0 ? "" : ",").append(cell(c));
            }
            out.write(line.append("\r\n").toString());
            n++;
        }
        out.flush();
        return n;
    }

    private static long json(Iterator<JournalEntry> rows, Writer out) throws IOException {
        out.write("[");
        long n = 0;
        while (rows.hasNext()) {
            out.write(n == 0 ? "\n" : ",\n");
            out.write(JSON.writeValueAsString(rows.next()));
            n++;
        }
        out.write(n == 0 ? "]\n" : "\n]\n");
        out.flush();
        return n;
    }

    private static String time(long epochMillis) {
        return Json.format(Instant.ofEpochMilli(epochMillis));
    }
}
