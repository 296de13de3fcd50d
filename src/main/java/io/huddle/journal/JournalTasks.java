package io.huddle.journal;

import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/** What the journal's writer does in a group commit: append an entry, or keep the gateway's acknowledgement. */
final class JournalTasks {
    private JournalTasks() {
    }

    static final class Append implements JournalWriter.Task {
        private final JournalEntry unsealed;
        private final CompletableFuture<JournalEntry> done;
        private JournalEntry sealed;

        Append(JournalEntry unsealed, CompletableFuture<JournalEntry> done) {
            this.unsealed = unsealed;
            this.done = done;
        }

        @Override
        public void apply(JournalWriter.Batch batch) throws SQLException {
            sealed = JournalWriter.chain(batch, unsealed);
        }

        @Override
        public void commitFailed(JournalException e) {
            done.completeExceptionally(e);
        }

        @Override
        public void committed() {
            done.complete(sealed);
        }
    }

    static final class Acknowledge implements JournalWriter.Task {
        private final JournalChain.Anchor anchor;
        private final CompletableFuture<Void> done;
        private JournalException refused;

        Acknowledge(JournalChain.Anchor anchor, CompletableFuture<Void> done) {
            this.anchor = anchor;
            this.done = done;
        }

        @Override
        public void apply(JournalWriter.Batch batch) throws SQLException {
            String mine = anchor.seq() == 0 ? JournalEntry.GENESIS
                    : anchor.seq() <= batch.seq ? JournalStore.hashAt(batch.connection, anchor.seq()) : null;
            if (mine == null || !mine.equals(anchor.hash())) {
                refused = new JournalException("the gateway holds entry " + anchor.seq() + " with hash "
                        + anchor.hash() + ", but this journal " + (mine == null ? "has no such entry"
                        : "has " + mine), null);
                return;
            }
            JournalStore.putMeta(batch.connection, Journal.ACKED_SEQ, Long.toString(anchor.seq()));
            JournalStore.putMeta(batch.connection, Journal.ACKED_HASH, anchor.hash());
            batch.acked = anchor;
        }

        @Override
        public void commitFailed(JournalException e) {
            done.completeExceptionally(e);
        }

        @Override
        public void committed() {
            if (refused != null) {
                done.completeExceptionally(refused);
            } else {
                done.complete(null);
            }
        }
    }
}
