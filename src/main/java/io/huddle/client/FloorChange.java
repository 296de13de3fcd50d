package io.huddle.client;

import io.huddle.domain.TenantSettings;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one or more applied frames changed, for a UI to apply in a batch. Immutable.
 *
 * @param reset                true when a snapshot replaced the floor (the lists then hold all of it)
 * @param interactions         interactions added or changed, latest copy of each
 * @param removedInteractions  ids of interactions that left the floor (ended, or absent from a snapshot)
 * @param helpRequests         help requests that changed, latest copy of each, including ones that are now
 *                             closed or cancelled
 * @param removedHelpRequests  ids of help requests that are no longer open
 * @param notifications        notices for this user, in order
 * @param transcript           transcript lines appended, in order
 * @param settings             the tenant settings when they changed, else null
 */
public record FloorChange(boolean reset, List<InteractionDto> interactions, List<String> removedInteractions,
                          List<HelpRequestDto> helpRequests, List<String> removedHelpRequests,
                          List<Notification> notifications, List<TranscriptLineDto> transcript,
                          TenantSettings settings) {

    public static final FloorChange NONE = new FloorChange(false, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), null);

    public FloorChange {
        interactions = List.copyOf(interactions);
        removedInteractions = List.copyOf(removedInteractions);
        helpRequests = List.copyOf(helpRequests);
        removedHelpRequests = List.copyOf(removedHelpRequests);
        notifications = List.copyOf(notifications);
        transcript = List.copyOf(transcript);
    }

    /** A notice for this user: {@code help.assigned}, {@code help.cancelled} or {@code help.accepted}. */
    public record Notification(String kind, String helpRequestId, String interactionId, String text) {
    }

    public boolean isEmpty() {
        return !reset && interactions.isEmpty() && removedInteractions.isEmpty() && helpRequests.isEmpty()
                && removedHelpRequests.isEmpty() && notifications.isEmpty() && transcript.isEmpty()
                && settings == null;
    }

    /**
     * Several changes in order as one, in one pass (folding them with {@link #merge} copies what was merged so
     * far at every step, which grows with the square of a burst): the same result as that fold.
     */
    public static FloorChange mergeAll(List<FloorChange> changes) {
        if (changes.isEmpty()) {
            return NONE;
        }
        if (changes.size() == 1) {
            return changes.get(0);
        }
        boolean reset = false;
        Map<String, InteractionDto> ix = new LinkedHashMap<>();
        Set<String> ixGone = new LinkedHashSet<>();
        Map<String, HelpRequestDto> help = new LinkedHashMap<>();
        Set<String> helpGone = new LinkedHashSet<>();
        List<Notification> notes = new ArrayList<>();
        List<TranscriptLineDto> lines = new ArrayList<>();
        TenantSettings settings = null;
        for (FloorChange c : changes) {
            if (c.isEmpty()) {
                continue;
            }
            reset |= c.reset;
            for (String id : c.removedInteractions) {
                ix.remove(id);
                ixGone.add(id);
            }
            for (InteractionDto i : c.interactions) {
                ixGone.remove(i.id());
                ix.put(i.id(), i);
            }
            for (HelpRequestDto h : c.helpRequests) {
                help.put(h.id(), h);
            }
            helpGone.addAll(c.removedHelpRequests);
            for (HelpRequestDto h : c.helpRequests) {
                if (h.status().isOpen()) {
                    helpGone.remove(h.id());
                }
            }
            notes.addAll(c.notifications);
            lines.addAll(c.transcript);
            if (c.settings != null) {
                settings = c.settings;
            }
        }
        return new FloorChange(reset, List.copyOf(ix.values()), List.copyOf(ixGone), List.copyOf(help.values()),
                List.copyOf(helpGone), notes, lines, settings);
    }

    /** This change followed by {@code later}, as one change: applying it equals applying both in turn. */
    public FloorChange merge(FloorChange later) {
        if (isEmpty()) {
            return later;
        }
        if (later.isEmpty()) {
            return this;
        }
        Map<String, InteractionDto> ix = new LinkedHashMap<>();
        interactions.forEach(i -> ix.put(i.id(), i));
        Set<String> ixGone = new LinkedHashSet<>(removedInteractions);
        later.removedInteractions.forEach(id -> {
            ix.remove(id);
            ixGone.add(id);
        });
        later.interactions.forEach(i -> {
            ixGone.remove(i.id());
            ix.put(i.id(), i);
        });
        Map<String, HelpRequestDto> help = new LinkedHashMap<>();
        helpRequests.forEach(h -> help.put(h.id(), h));
        later.helpRequests.forEach(h -> help.put(h.id(), h));
        Set<String> helpGone = new LinkedHashSet<>(removedHelpRequests);
        helpGone.addAll(later.removedHelpRequests);
        later.helpRequests.stream().filter(h -> h.status().isOpen()).forEach(h -> helpGone.remove(h.id()));
        List<Notification> notes = new ArrayList<>(notifications);
        notes.addAll(later.notifications);
        List<TranscriptLineDto> lines = new ArrayList<>(transcript);
        lines.addAll(later.transcript);
        return new FloorChange(reset || later.reset, List.copyOf(ix.values()), List.copyOf(ixGone),
                List.copyOf(help.values()), List.copyOf(helpGone), notes, lines,
                later.settings != null ? later.settings : settings);
    }
}
