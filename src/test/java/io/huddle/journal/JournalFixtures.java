package io.huddle.journal;

import io.huddle.protocol.JournalEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Journals and records for tests. */
final class JournalFixtures {
    static final JournalScope SCOPE = new JournalScope("acme", "support", "acme:supervisor1");

    private JournalFixtures() {
    }

    static JournalRecord intent(int i) {
        return JournalRecord.intent(SCOPE, JournalAction.values()[i % JournalAction.values().length], "acme:agent1",
                "ix-" + i, i % 3 == 0 ? "hr-" + i : null);
    }

    /** A journal file with {@code n} entries, closed again. */
    static List<JournalEntry> fill(Path file, int n) throws Exception {
        try (Journal j = Journal.open(file, null, Clock.systemUTC())) {
            return append(j, n);
        }
    }

    static List<JournalEntry> append(Journal j, int n) throws Exception {
        List<CompletableFuture<JournalEntry>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(j.append(intent(i)));
        }
        List<JournalEntry> out = new ArrayList<>();
        for (CompletableFuture<JournalEntry> f : fs) {
            out.add(f.get(10, TimeUnit.SECONDS));
        }
        return out;
    }
}
