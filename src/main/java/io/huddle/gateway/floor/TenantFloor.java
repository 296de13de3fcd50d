package io.huddle.gateway.floor;

import io.huddle.domain.ControlPolicy;
import io.huddle.domain.Controls;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live state of one tenant: its interactions, open help requests, supervisor legs and recent
 * transcripts. Not thread-safe by itself: every access holds {@link #lock}, which also orders the events.
 */
final class TenantFloor {
    static final int TRANSCRIPT_KEEP = 500;

    final String tenant;
    final ReentrantLock lock = new ReentrantLock();
    /** Volatile so that {@link FloorSettings#current} can read it without the lock; written with the lock held. */
    volatile TenantSettings settings;
    final Map<String, Interaction> live = new LinkedHashMap<>();
    final Map<String, HelpRequest> openRequests = new HashMap<>();
    final Map<String, String> openRequestByInteraction = new HashMap<>();
    /** The running action of each supervisor leg, keyed by {@link #legKey}. */
    private final Map<String, SupervisorAction> openActions = new HashMap<>();
    final Map<String, Deque<TranscriptLine>> transcripts = new HashMap<>();
    /** Live interactions by the platform's id of them. */
    final Map<String, String> byPlatform = new HashMap<>();
    /** When the platform last changed a live interaction's state: an older change is late and ignored. */
    final Map<String, java.time.Instant> platformStateAt = new HashMap<>();
    /** The floor log's number of the last change this floor has (0 without a log, or before the first). */
    volatile long position;
    /** How many of that change's events the listeners have been told. */
    int told;
    /**
     * The floor in memory may hold a change that never committed, and loading it again failed (the database was
     * down): the next change or look at the log loads it first.
     */
    boolean stale;
    /** What the change in progress did, for the floor log; null when no change is being recorded. */
    private List<FloorOp> recording;

    TenantFloor(TenantSettings settings) {
        this.tenant = settings.tenant();
        this.settings = settings;
    }

    private static String legKey(String interactionId, String supervisorId) {
        return interactionId + "\n" + supervisorId;
    }

    /** The running action of this supervisor's leg on the interaction, or null. */
    SupervisorAction runningAction(String interactionId, String supervisorId) {
        return openActions.get(legKey(interactionId, supervisorId));
    }

    /** Keeps a leg's running action; an ended one (a disconnect) leaves the leg with none. */
    void putAction(SupervisorAction action) {
        String key = legKey(action.interactionId(), action.supervisorId());
        if (action.endedAt() == null) {
            openActions.put(key, action);
        } else {
            openActions.remove(key);
        }
        record(new FloorOp.PutAction(action));
    }

    /** A live interaction as it is now. */
    void putInteraction(Interaction i) {
        putInteraction(i, null);
    }

    /** A live interaction as it is now, whose state the platform changed at {@code platformAt} (null: it did not). */
    void putInteraction(Interaction i, java.time.Instant platformAt) {
        live.put(i.id(), i);
        if (i.platformId() != null) {
            byPlatform.put(i.platformId(), i.id());
        }
        if (platformAt != null) {
            platformStateAt.put(i.id(), platformAt);
        }
        record(new FloorOp.PutInteraction(i, platformAt));
    }

    /** The interaction left the live list, with its transcript. */
    void dropInteraction(Interaction i) {
        live.remove(i.id());
        transcripts.remove(i.id());
        if (i.platformId() != null) {
            byPlatform.remove(i.platformId(), i.id());
        }
        platformStateAt.remove(i.id());
        record(new FloorOp.DropInteraction(i));
    }

    void settings(TenantSettings next) {
        settings = next;
        record(new FloorOp.PutSettings(next));
    }

    /** Starts recording what the floor does, for the floor log. */
    void startRecording() {
        recording = new java.util.ArrayList<>();
    }

    /** Whether a change is being recorded: its events wait for its commit. */
    boolean recording() {
        return recording != null;
    }

    /** Ends the recording; answers what was done, in order. */
    List<FloorOp> stopRecording() {
        List<FloorOp> done = recording == null ? List.of() : recording;
        recording = null;
        return done;
    }

    /** Adds a step to the change being recorded, if one is. */
    void record(FloorOp op) {
        if (recording != null) {
            recording.add(op);
        }
    }

    /** Forgets the live state, to be loaded again (transcripts of interactions still live are kept). */
    void clear() {
        live.clear();
        openRequests.clear();
        openRequestByInteraction.clear();
        openActions.clear();
        byPlatform.clear();
        platformStateAt.clear();
    }


    HelpRequest openRequestOn(String interactionId) {
        String id = openRequestByInteraction.get(interactionId);
        return id == null ? null : openRequests.get(id);
    }

    void putRequest(HelpRequest r) {
        if (r.status().isOpen()) {
            openRequests.put(r.id(), r);
            openRequestByInteraction.put(r.interactionId(), r.id());
        } else {
            openRequests.remove(r.id());
            openRequestByInteraction.remove(r.interactionId(), r.id());
        }
        record(new FloorOp.PutRequest(r));
    }

    /** The controls this user has on the interaction now: the one question every read and action asks. */
    Controls controls(User user, Interaction i) {
        return ControlPolicy.evaluate(user, settings, i, openRequestOn(i.id()), i.legOf(user.id()), i.speakingLeg());
    }

    void appendTranscript(TranscriptLine line) {
        Deque<TranscriptLine> lines = transcripts.computeIfAbsent(line.interactionId(), k -> new ArrayDeque<>());
        lines.addLast(line);
        while (lines.size() > TRANSCRIPT_KEEP) {
            lines.removeFirst();
        }
        record(new FloorOp.AddLine(line));
    }

    List<TranscriptLine> transcript(String interactionId) {
        Deque<TranscriptLine> lines = transcripts.get(interactionId);
        return lines == null ? List.of() : List.copyOf(lines);
    }
}
