package io.huddle.bench;

import io.huddle.journal.Journal;
import io.huddle.journal.JournalAction;
import io.huddle.journal.JournalRecord;
import io.huddle.journal.JournalScope;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * B3's subject: the console's action journal ({@link Journal}: hash-chained, group-committed by its writer
 * thread, synchronous=FULL) as a {@link JournalBench.Appender}. Each append is a Monitor intent, as the
 * console writes one before every command.
 */
final class JournalHook {
    private JournalHook() {
    }

    static JournalBench.Appender open(Path file) {
        JournalScope scope = new JournalScope(BenchGateway.TENANT, "floor", BenchGateway.TENANT + ":sup-floor-0");
        Journal journal = Journal.open(file, scope, Clock.systemUTC());
        return new JournalBench.Appender() {
            @Override
            public CompletableFuture<?> append(int i) {
                return journal.append(JournalRecord.intent(scope, JournalAction.MONITOR,
                        BenchGateway.TENANT + ":agent-floor-" + (i % 5_000), "ix-floor-" + (i % 10_000), null));
            }

            @Override
            public long commits() {
                return journal.commits();
            }

            @Override
            public void close() {
                journal.close();
            }
        };
    }
}
