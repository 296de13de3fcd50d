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
    TenantSettings settings;
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
    }

    List<TranscriptLine> transcript(String interactionId) {
        Deque<TranscriptLine> lines = transcripts.get(interactionId);
        return lines == null ? List.of() : List.copyOf(lines);
    }
}
