package io.huddle.protocol;

import java.util.List;

/**
 * {@code POST /api/v1/journal/batches}: consecutive entries of one device, in seq order. The gateway stores
 * them idempotently by (deviceId, seq) and answers with a {@link JournalHead}.
 */
public record JournalBatch(String deviceId, List<JournalEntry> entries) {
    public JournalBatch {
        entries = entries == null ? null : List.copyOf(entries);
    }
}
