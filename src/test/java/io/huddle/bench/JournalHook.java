package io.huddle.bench;

import java.nio.file.Path;

/**
 * HOOK for B3: opens the console's action journal ({@code io.huddle.journal.Journal}, group-committed) as a
 * {@link JournalBench.Appender}. Returns null while the journal has not landed on this branch; then B3 runs
 * only its baseline and says so.
 */
final class JournalHook {
    private JournalHook() {
    }

    static JournalBench.Appender open(Path file) {
        return null;
    }
}
