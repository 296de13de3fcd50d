package io.huddle.gateway.audit;

import io.huddle.domain.DomainException;
import io.huddle.domain.User;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalEntry;
import java.util.List;

/** What a journal batch must look like before its chain is looked at (400), and whose it may be (403). */
final class JournalBatchRules {
    private static final String HASH = "[0-9a-f]{64}";

    private JournalBatchRules() {
    }

    static void check(User user, JournalBatch batch) {
        if (batch.deviceId() == null || batch.deviceId().isBlank() || batch.deviceId().length() > 100
                || batch.deviceId().contains("/")) {
            throw DomainException.badRequest("field 'deviceId' is required (1 to 100 characters, no '/')");
        }
        List<JournalEntry> entries = batch.entries();
        if (entries == null || entries.isEmpty() || entries.size() > JournalIngest.MAX_ENTRIES) {
            throw DomainException.badRequest("field 'entries' needs 1 to " + JournalIngest.MAX_ENTRIES + " entries");
        }
        long first = entries.get(0).seq();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            String at = "entries[" + i + "]";
            if (e.format() != JournalEntry.FORMAT) {
                throw DomainException.badRequest(at + " has format " + e.format() + "; this gateway reads format "
                        + JournalEntry.FORMAT);
            }
            if (!batch.deviceId().equals(e.deviceId())) {
                throw DomainException.badRequest(at + " belongs to device '" + e.deviceId() + "', not to the batch's");
            }
            if (e.seq() != first + i || first < 1) {
                throw DomainException.badRequest(at + " has seq " + e.seq() + ": a batch holds consecutive entries"
                        + " from seq 1 or later, in order");
            }
            if (blank(e.id()) || blank(e.action()) || blank(e.phase()) || e.prevHash() == null
                    || !e.prevHash().matches(HASH) || e.hash() == null || !e.hash().matches(HASH)) {
                throw DomainException.badRequest(at + " (seq " + e.seq() + ") needs an id, action, phase and"
                        + " prevHash and hash of 64 lowercase hex digits");
            }
            if (!user.tenant().equals(e.tenant()) || !user.domain().equals(e.domain())
                    || !user.id().equals(e.supervisorId())) {
                throw DomainException.forbidden("journal entry seq " + e.seq() + " was not recorded by you: a"
                        + " journal is uploaded only by the supervisor who recorded it, in their tenant and domain");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
