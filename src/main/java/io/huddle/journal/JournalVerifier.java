package io.huddle.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Verifies a journal: walks its hash chain ({@link JournalChain}) and names the first entry that breaks
 * it. A journal file (SQLite) is checked from seq 1 and, when an anchor is known (given, or the last
 * acknowledgement the file remembers), against the gateway's acknowledged seq and hash, which shows a
 * cut-off tail. A JSON export is checked from its first entry on.
 */
public final class JournalVerifier {
    private static final ObjectMapper JSON = Json.newMapper();
    /** Reads one element of the array at a time: what follows it is the next element, not trailing garbage. */
    private static final ObjectReader ENTRY = JSON.readerFor(JournalEntry.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private JournalVerifier() {
    }

    /**
     * @param anchor what the gateway acknowledged; null to use what the file remembers (which whoever edits
     *               the file can edit too: prefer the gateway's own answer)
     */
    public static JournalChain.Report verify(Path file, JournalChain.Anchor anchor) {
        if (isExport(file)) {
            return verifyExport(file, anchor);
        }
        try (JournalFile journal = JournalFile.open(file)) {
            JournalChain.Anchor a = anchor != null ? anchor : journal.acknowledged();
            return journal.read(null, null, rows -> JournalChain.verify(rows, JournalChain.Start.genesis(), a));
        }
    }

    static boolean isExport(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return !Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        } catch (IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JournalChain.Report verifyExport(Path file, JournalChain.Anchor anchor) {
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new JournalException(file + " is neither a journal nor a JSON export of one", null);
            }
            return JournalChain.verify(new Elements(p), JournalChain.Start.anywhere(), anchor);
        } catch (IOException | UncheckedIOException e) {
            throw new JournalException("cannot read the export " + file + ": " + e.getMessage(), e);
        }
    }

    /** The array's entries, read one at a time. */
    private static final class Elements implements Iterator<JournalEntry> {
        private final JsonParser parser;
        private JsonToken next;

        Elements(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public boolean hasNext() {
            try {
                if (next == null) {
                    next = parser.nextToken();
                }
                return next == JsonToken.START_OBJECT;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public JournalEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            next = null;
            try {
                return ENTRY.readValue(parser);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
