package io.huddle.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds valid journal chains for tests that have no journal file (the gateway's). */
public final class JournalChains {
    private JournalChains() {
    }

    /** Entries {@code from..from+count-1} of a device, chained after {@code prevHash}. */
    public static List<JournalEntry> chain(String deviceId, String tenant, String domain, String supervisorId,
                                           long from, int count, String prevHash) {
        List<JournalEntry> out = new ArrayList<>();
        String prev = prevHash;
        for (long seq = from; seq < from + count; seq++) {
            String action = seq % 2 == 0 ? "COACH" : "MONITOR";
            JournalEntry e = new JournalEntry(JournalEntry.FORMAT, UUID.randomUUID().toString(), deviceId, seq, tenant,
                    domain, supervisorId, tenant + ":agent1", "ix-" + (seq % 5), null, action, "INTENT", null,
                    1_764_064_321_000L + seq * 1000, null, null, null, null, null, null, null, null, null)
                    .sealed(seq, prev);
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    public static List<JournalEntry> chain(String deviceId, String supervisorId, long from, int count,
                                           String prevHash) {
        String tenant = supervisorId.substring(0, supervisorId.indexOf(':'));
        return chain(deviceId, tenant, supervisorId.contains("sales") ? "sales" : "support", supervisorId, from, count,
                prevHash);
    }

    /** The same entry with one field changed and (when {@code rehash}) its hash recomputed. */
    public static JournalEntry withAgent(JournalEntry e, String agentId, boolean rehash) {
        JournalEntry changed = new JournalEntry(e.format(), e.id(), e.deviceId(), e.seq(), e.tenant(), e.domain(),
                e.supervisorId(), agentId, e.interactionId(), e.helpRequestId(), e.action(), e.phase(), e.intentId(),
                e.clientTime(), e.gatewayTime(), e.outcome(), e.gatewayRef(), e.errorCode(), e.detail(),
                e.textDigest(), e.text(), e.prevHash(), e.hash());
        return rehash ? changed.sealed(e.seq(), e.prevHash()) : changed;
    }
}
