package io.huddle.gateway.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TenantSettings;
import io.huddle.gateway.store.FloorLog;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.protocol.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's floors and the floor log in step (docs/deployment.md, "Several instances"): a change
 * takes the entries it has not seen first, then records what it does as one entry; {@link #follow} takes the
 * other instances' entries as they come. An entry is replayed step by step ({@link FloorOp}), so this floor ends
 * as the writer's did and its listeners hear the same events in the same order. A floor that missed entries the
 * log no longer has (an instance paused for long) is loaded again from the database, and its listeners are told
 * what differs.
 */
final class FloorLogSync {
    private static final Logger LOG = LoggerFactory.getLogger(FloorLogSync.class);
    private static final TypeReference<List<FloorOp>> OPS = new TypeReference<>() { };
    /** At most this many entries are read at once while following. */
    private static final int FOLLOW_BATCH = 500;
    /** A stream further behind than this many changes of its tenant gets a fresh snapshot instead of a resume. */
    static final int MAX_RESUME_ENTRIES = 2_000;

    private final FloorLog log;
    private final Floors floors;
    /**
     * Every instance reads every entry another one writes, so this mapper's accessors are generated code
     * (Blackbird) instead of reflection, which the followers' profile showed at 45 % of their time (B8 in
     * docs/benchmarks.md: a little less CPU in a few noisy runs). It costs class generation at
     * each type's first use, which is why the other mappers (the desktop apps', the embedded demo's) go without it.
     */
    private final ObjectMapper json = Json.newMapper().registerModule(new BlackbirdModule());

    FloorLogSync(FloorLog log, Floors floors) {
        this.log = log;
        this.floors = floors;
    }

    FloorLog log() {
        return log;
    }

    /** Runs a change through the log (the floor's lock held). */
    <T> T change(TenantFloor f, Function<TenantFloor, T> work) {
        if (f.stale) {
            reloadAndTell(f); // throws while the database is still away: nothing is decided on a floor it doubts
        }
        List<List<FloorOp>> done = new ArrayList<>(1);
        FloorLog.Done<T> outcome;
        try {
            FloorLog.Command command = CommandScope.toRecord();
            outcome = log.change(f.tenant, f.position, new FloorLog.Change<>() {
                @Override
                public FloorLog.Command command() {
                    return command;
                }

                @Override
                public void catchUp(List<FloorLog.Entry> missed) {
                    replay(f, missed, true);
                }

                @Override
                public FloorLog.Recorded<T> run() {
                    f.startRecording();
                    T result;
                    try {
                        result = work.apply(f);
                    } finally {
                        done.add(f.stopRecording());
                    }
                    List<FloorOp> ops = done.get(0);
                    return new FloorLog.Recorded<>(result, ops.isEmpty() ? null : write(ops));
                }
            });
        } catch (RuntimeException | Error e) {
            if (!done.isEmpty() && !done.get(0).isEmpty()) {
                // the floor was changed in memory but the change did not commit: take the database's state again
                LOG.warn("a change of tenant {}'s floor did not commit; loading the floor again", f.tenant);
                f.stale = true;
                try {
                    reloadAndTell(f);
                } catch (RuntimeException reloadFailed) {
                    e.addSuppressed(reloadFailed); // stays stale: the next change or look loads it first
                }
            }
            throw e;
        }
        if (outcome.seq() > 0) {
            f.position = outcome.seq();
            f.told = 0;
            CommandScope.recorded();
            for (FloorOp op : done.get(0)) {
                if (op instanceof FloorOp.Publish p) {
                    floors.tell(p.event());
                }
            }
        }
        return outcome.result();
    }

    /**
     * Takes the other instances' entries of every tenant this instance is behind on; answers how many it took. A
     * tenant seen for the first time is loaded whole.
     */
    int follow() {
        int taken = 0;
        for (Map.Entry<String, Long> head : log.heads().entrySet()) {
            boolean known = floors.has(head.getKey());
            TenantFloor f = floors.tenant(head.getKey());
            if (!known) {
                continue; // just loaded at its head
            }
            if (f.stale) {
                floors.locked(f.tenant, t -> {
                    if (t.stale) {
                        reloadAndTell(t);
                    }
                    return null;
                });
            }
            while (f.position < head.getValue()) {
                int took = floors.locked(f.tenant, t -> {
                    List<FloorLog.Entry> entries = log.after(t.tenant, t.position, FOLLOW_BATCH);
                    replay(t, entries, false);
                    return entries.size();
                });
                if (took == 0) {
                    break;
                }
                taken += took;
            }
        }
        return taken;
    }

    /** Takes what the log has after this floor's position (lock held). */
    private void catchUp(TenantFloor f) {
        while (true) {
            List<FloorLog.Entry> entries = log.after(f.tenant, f.position, FOLLOW_BATCH);
            replay(f, entries, false);
            if (entries.size() < FOLLOW_BATCH) {
                return;
            }
        }
    }

    /** Applies entries in order (lock held); a gap means the log no longer has what this floor missed. */
    private void replay(TenantFloor f, List<FloorLog.Entry> entries, boolean inChange) {
        for (FloorLog.Entry e : entries) {
            if (e.seq() <= f.position) {
                continue;
            }
            List<FloorOp> ops = null;
            if (e.seq() != f.position + 1) {
                LOG.warn("tenant {}'s floor is at {} but the floor log starts again at {}: loading the floor again",
                        f.tenant, f.position, e.seq());
            } else {
                try {
                    ops = read(e.ops());
                } catch (IllegalStateException unreadable) { // written by a newer build, or damaged
                    LOG.error("entry {} of tenant {}'s floor log cannot be read ({}): loading the floor again",
                            e.seq(), f.tenant, unreadable.getMessage());
                }
            }
            if (ops == null) {
                long head = entries.get(entries.size() - 1).seq();
                if (inChange) {
                    reloadAt(f, head, true); // the change holds the tenant: the database is as of the head
                } else {
                    reloadAndTell(f);
                }
                return;
            }
            // as the writer did: the whole change first, then its events, numbered in the entry
            for (FloorOp op : ops) {
                if (!(op instanceof FloorOp.Publish)) {
                    op.applyTo(f, floors);
                }
            }
            f.position = e.seq();
            f.told = 0;
            for (FloorOp op : ops) {
                if (op instanceof FloorOp.Publish p) {
                    floors.tell(p.event());
                }
            }
        }
    }

    /**
     * The events after {@code entry}.{@code index} up to where this floor is, each with its position; null when the
     * log no longer has them all, or the position is not one of this floor's. Lock held.
     */
    List<LoggedEvent> eventsAfter(TenantFloor f, long entry, int index) {
        catchUp(f); // a writer's last changes may not have reached this instance's follower yet
        if (entry < 0 || index < 0 || entry > f.position || f.position - entry >= MAX_RESUME_ENTRIES) {
            return null;
        }
        long from = Math.max(entry, 1); // entry 0 is before the first: nothing of it to skip
        List<LoggedEvent> events = new ArrayList<>();
        long expected = from;
        for (FloorLog.Entry e : log.after(f.tenant, from - 1, MAX_RESUME_ENTRIES + 1)) {
            if (e.seq() > f.position) {
                break; // committed since this floor took its last: it comes as a live event
            }
            if (e.seq() != expected) {
                return null; // the log no longer has one of them
            }
            List<FloorOp> ops;
            try {
                ops = read(e.ops());
            } catch (IllegalStateException unreadable) {
                return null; // a fresh snapshot instead
            }
            int i = 0;
            for (FloorOp op : ops) {
                if (op instanceof FloorOp.Publish p) {
                    i++;
                    if (e.seq() > entry || i > index) {
                        events.add(new LoggedEvent(p.event(), e.seq() + "." + i));
                    }
                }
            }
            expected++;
        }
        return expected == f.position + 1 ? events : null;
    }

    /** Loads a floor not seen yet, as the database has it at the log's head. */
    void load(TenantFloor f) {
        log.snapshot(f.tenant, head -> {
            fill(f, head);
            return null;
        });
    }

    private void reloadAndTell(TenantFloor f) {
        log.snapshot(f.tenant, head -> {
            reloadAt(f, head, true);
            return null;
        });
    }

    /** Loads the floor again and tells the listeners what changed. */
    private void reloadAt(TenantFloor f, long head, boolean tell) {
        Map<String, Interaction> liveBefore = new HashMap<>(f.live);
        Map<String, HelpRequest> requestsBefore = new HashMap<>(f.openRequests);
        fill(f, head);
        if (!tell) {
            return;
        }
        for (Interaction before : liveBefore.values()) {
            if (!f.live.containsKey(before.id())) {
                floors.tell(new FloorEvent.InteractionEnded(f.tenant, before.withState(
                        io.huddle.domain.InteractionState.ENDED, floors.now())));
            }
        }
        for (Interaction now : f.live.values()) {
            Interaction before = liveBefore.get(now.id());
            if (!now.equals(before)) {
                floors.tell(new FloorEvent.InteractionChanged(f.tenant, before, now));
            }
        }
        for (HelpRequest now : f.openRequests.values()) {
            HelpRequest before = requestsBefore.get(now.id());
            if (!now.equals(before)) {
                floors.tell(new FloorEvent.HelpRequestChanged(f.tenant, before, now));
            }
        }
        GatewayStore store = floors.store();
        for (HelpRequest before : requestsBefore.values()) {
            if (!f.openRequests.containsKey(before.id())) {
                store.findHelpRequest(before.id()).filter(r -> Objects.equals(r.tenant(), f.tenant))
                        .ifPresent(r -> floors.tell(new FloorEvent.HelpRequestChanged(f.tenant, before, r)));
            }
        }
    }

    /** The floor as the store has it now, at log position {@code head} (the caller reads one snapshot). */
    private void fill(TenantFloor f, long head) {
        GatewayStore store = floors.store();
        fill(f, head, store.liveInteractions(f.tenant), store.openActions(f.tenant), store.openHelpRequests(f.tenant));
    }

    /** Loads every floor at once, in one consistent read of the database (the start of an instance). */
    void loadAll(List<TenantFloor> all) {
        GatewayStore store = floors.store();
        log.snapshotAll(heads -> {
            List<Interaction> live = store.liveInteractions();
            List<SupervisorAction> actions = store.openActions();
            List<HelpRequest> requests = store.openHelpRequests();
            for (TenantFloor f : all) {
                fill(f, heads.getOrDefault(f.tenant, 0L), live, actions, requests);
            }
            return null;
        });
    }

    /** The floor from these rows of every tenant, at log position {@code head}. */
    private void fill(TenantFloor f, long head, List<Interaction> live, List<SupervisorAction> actions,
                      List<HelpRequest> requests) {
        f.stale = true; // until it is whole again: a read that fails half-way leaves it to be loaded again
        f.clear();
        f.settings = floors.store().tenantSettings(f.tenant).orElse(f.settings);
        for (Interaction i : live) {
            if (i.tenant().equals(f.tenant)) {
                f.putInteraction(i);
            }
        }
        for (SupervisorAction a : actions) {
            if (a.tenant().equals(f.tenant)) {
                f.putAction(a);
            }
        }
        for (HelpRequest r : requests) {
            if (r.tenant().equals(f.tenant)) {
                f.putRequest(r);
            }
        }
        f.transcripts.keySet().retainAll(f.live.keySet());
        f.position = head;
        f.told = Integer.MAX_VALUE / 2; // every event of the head's entry is in what was loaded
        f.stale = false;
    }

    private String write(List<FloorOp> ops) {
        try {
            return json.writerFor(OPS).writeValueAsString(ops);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a floor change could not be written for the floor log", e);
        }
    }

    private List<FloorOp> read(String ops) {
        try {
            return json.readValue(ops, OPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entry of the floor log could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
