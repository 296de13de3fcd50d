package io.huddle.gateway.audit;

import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.JournalDevice;
import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalVerification;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads what the gateway holds of a device's journal: its head, and a verification of the whole stored
 * chain against that head, read page by page so the store is never held for long.
 */
public final class JournalAudit {
    private static final int PAGE = 1_000;

    private final GatewayStore store;

    public JournalAudit(GatewayStore store) {
        this.store = store;
    }

    /** The device, if the user may read it: a supervisor or auditor of its tenant and domain; else 404. */
    public JournalDevice device(User user, String deviceId) {
        if (!user.isSupervisor() && !user.has(Role.AUDITOR)) {
            throw DomainException.forbidden("reading action journals requires the awa_manager or auditor role");
        }
        return store.journalDevice(deviceId).filter(d -> user.inScope(d.tenant(), d.domain()))
                .orElseThrow(() -> DomainException.notFound("journal device", deviceId));
    }

    public JournalVerification verify(User user, String deviceId) {
        return verify(device(user, deviceId));
    }

    /** Walks the device's stored chain from seq 1 and checks that it reaches the head. */
    public JournalVerification verify(JournalDevice d) {
        JournalChain.Report r = JournalChain.verify(new Pages(d.deviceId()), JournalChain.Start.genesis(),
                new JournalChain.Anchor(d.highestSeq(), d.highestHash()));
        return new JournalVerification(d.deviceId(), d.supervisorId(), r.entries(), d.highestSeq(), d.highestHash(),
                r.ok(), r.firstBreak());
    }

    private final class Pages implements Iterator<JournalEntry> {
        private final String deviceId;
        private final ArrayDeque<JournalEntry> page = new ArrayDeque<>();
        private long after;
        private boolean done;

        Pages(String deviceId) {
            this.deviceId = deviceId;
        }

        @Override
        public boolean hasNext() {
            if (page.isEmpty() && !done) {
                page.addAll(store.journalEntries(deviceId, after, PAGE));
                done = page.size() < PAGE;
            }
            return !page.isEmpty();
        }

        @Override
        public JournalEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JournalEntry e = page.pollFirst();
            after = e.seq();
            return e;
        }
    }
}
