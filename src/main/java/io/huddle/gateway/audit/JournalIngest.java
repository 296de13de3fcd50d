package io.huddle.gateway.audit;

import io.huddle.domain.DomainException;
import io.huddle.domain.User;
import io.huddle.gateway.ops.GatewayMetrics;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.JournalDevice;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalHead;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stores the journal batches that consoles upload: exactly once by (device, seq), only for the supervisor
 * who recorded them, and only when each new entry hashes to its hash and chains to the entry stored before
 * it. A refused batch changes nothing. One batch at a time, so a retry racing its original cannot store
 * an entry twice.
 */
public final class JournalIngest {
    public static final int MAX_ENTRIES = 500;

    private final GatewayStore store;
    private final Clock clock;
    private final Object lock = new Object();
    private final GatewayMetrics metrics;

    public JournalIngest(GatewayStore store, Clock clock) {
        this(store, clock, GatewayMetrics.NONE);
    }

    public JournalIngest(GatewayStore store, Clock clock, GatewayMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Stores the batch's new entries and answers what the gateway now holds of the device. */
    public JournalHead accept(User user, JournalBatch batch) {
        try {
            return ingest(user, batch);
        } catch (DomainException e) {
            metrics.journalUpload("refused", 0);
            throw e;
        }
    }

    private JournalHead ingest(User user, JournalBatch batch) {
        if (!user.isSupervisor()) {
            throw DomainException.forbidden("uploading an action journal requires the awa_manager (supervisor) role");
        }
        JournalBatchRules.check(user, batch);
        synchronized (lock) {
            JournalDevice device = store.journalDevice(batch.deviceId()).orElse(null);
            if (device != null && !(device.tenant().equals(user.tenant()) && device.domain().equals(user.domain())
                    && device.supervisorId().equals(user.id()))) {
                throw DomainException.notFound("journal device", batch.deviceId());
            }
            JournalDevice head = device != null ? device : new JournalDevice(batch.deviceId(), user.tenant(),
                    user.domain(), user.id(), 0, JournalEntry.GENESIS);
            List<JournalEntry> fresh = fresh(head, batch.entries());
            if (!fresh.isEmpty()) {
                JournalEntry last = chain(head, fresh);
                head = new JournalDevice(head.deviceId(), head.tenant(), head.domain(), head.supervisorId(),
                        last.seq(), last.hash());
                store.appendJournal(head, fresh, clock.instant());
            }
            metrics.journalUpload(fresh.isEmpty() ? "duplicate" : "stored", fresh.size());
            return new JournalHead(head.deviceId(), head.highestSeq(), head.highestHash());
        }
    }

    /** The entries the gateway does not hold yet; those it holds must be the very same. */
    private List<JournalEntry> fresh(JournalDevice head, List<JournalEntry> entries) {
        long first = entries.get(0).seq();
        if (first > head.highestSeq() + 1) {
            throw DomainException.conflict("journal gap at seq " + (head.highestSeq() + 1) + ": the gateway holds device '"
                    + head.deviceId() + "' up to seq " + head.highestSeq() + " and the batch starts at seq " + first
                    + "; send from seq " + (head.highestSeq() + 1));
        }
        int held = (int) Math.min(entries.size(), head.highestSeq() - first + 1);
        if (held > 0) {
            List<JournalEntry> stored = store.journalEntries(head.deviceId(), first - 1, held);
            for (int i = 0; i < held; i++) {
                JournalEntry mine = stored.size() > i ? stored.get(i) : null;
                if (mine == null || !mine.hash().equals(entries.get(i).hash())) {
                    throw DomainException.conflict("journal entry seq " + entries.get(i).seq() + " of device '"
                            + head.deviceId() + "' differs from the entry the gateway already holds");
                }
            }
        }
        return entries.subList(Math.max(held, 0), entries.size());
    }

    /** Checks each new entry's hash and link; answers the last one. */
    private JournalEntry chain(JournalDevice head, List<JournalEntry> fresh) {
        String prev = head.highestHash();
        Set<String> ids = new HashSet<>();
        for (JournalEntry e : fresh) {
            if (!e.hashMatches()) {
                throw DomainException.conflict("journal chain broken at seq " + e.seq() + ": the entry's hash does not"
                        + " match its content");
            }
            if (!Objects.equals(e.prevHash(), prev)) {
                throw DomainException.conflict("journal chain broken at seq " + e.seq() + ": its prevHash is not the hash"
                        + " of entry " + (e.seq() - 1) + (e.seq() == 1 ? " (64 zeros for the first entry)" : ""));
            }
            if (!ids.add(e.id())) {
                throw DomainException.conflict("journal entry id '" + e.id() + "' appears twice in the batch");
            }
            prev = e.hash();
        }
        Map<String, String> taken = store.journalIds(new ArrayList<>(ids));
        if (!taken.isEmpty()) {
            String id = taken.keySet().iterator().next();
            throw DomainException.conflict("journal entry id '" + id + "' is already stored (" + taken.get(id) + ")");
        }
        return fresh.get(fresh.size() - 1);
    }
}
