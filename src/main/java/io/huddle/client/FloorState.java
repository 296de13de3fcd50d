package io.huddle.client;

import io.huddle.domain.TenantSettings;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.UserDto;
import io.huddle.protocol.stream.ServerFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's mirror of the floor: the live interactions and open help requests this user may see, who
 * the user is and the tenant settings. Applies a stream's snapshot and numbered events and answers what
 * each changed. No threads of its own; methods are synchronized, so it may be read from any thread, and
 * the accessors return unmodifiable copies. Transcript lines and notifications pass through (they are in
 * the returned changes) but are not kept.
 */
public final class FloorState {
    private final Map<String, InteractionDto> interactions = new LinkedHashMap<>();
    private final Map<String, HelpRequestDto> helpRequests = new LinkedHashMap<>();
    private UserDto user;
    private TenantSettings settings;

    public synchronized void setUser(UserDto user) {
        this.user = user;
    }

    /** Replaces the floor with a snapshot: whatever is not in it is removed (no ghost rows). */
    public synchronized FloorChange applySnapshot(ServerFrame.Snapshot snapshot) {
        List<InteractionDto> ix = snapshot.interactions();
        List<HelpRequestDto> help = snapshot.helpRequests();
        TenantSettings s = required(snapshot.settings(), "settings");
        List<String> goneIx = new ArrayList<>(interactions.keySet());
        List<String> goneHelp = new ArrayList<>(helpRequests.keySet());
        interactions.clear();
        ix.stream().filter(i -> i.state().isLive()).forEach(i -> interactions.put(i.id(), i));
        helpRequests.clear();
        help.stream().filter(h -> h.status().isOpen()).forEach(h -> helpRequests.put(h.id(), h));
        goneIx.removeAll(interactions.keySet());
        goneHelp.removeAll(helpRequests.keySet());
        settings = s;
        return new FloorChange(true, List.copyOf(interactions.values()), goneIx, List.copyOf(helpRequests.values()),
                goneHelp, List.of(), List.of(), s);
    }

    /**
     * Applies one numbered event by its record type. {@link ServerFrame.Unknown} changes nothing (a newer
     * gateway may send more).
     *
     * @throws IllegalArgumentException when the event lacks what it must carry
     */
    public synchronized FloorChange apply(ServerFrame.Event event) {
        if (event instanceof ServerFrame.InteractionUpdated e) {
            InteractionDto i = required(e.interaction(), "interaction");
            if (!i.state().isLive()) {
                return removeInteraction(i.id());
            }
            interactions.put(i.id(), i);
            return new FloorChange(false, List.of(i), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        }
        if (event instanceof ServerFrame.InteractionEnded e) {
            return removeInteraction(required(e.interactionId(), "interactionId"));
        }
        if (event instanceof ServerFrame.HelpUpdated e) {
            HelpRequestDto h = required(e.helpRequest(), "helpRequest");
            List<String> removed = List.of();
            if (h.status().isOpen()) {
                helpRequests.put(h.id(), h);
            } else if (helpRequests.remove(h.id()) != null) {
                removed = List.of(h.id());
            }
            return new FloorChange(false, List.of(), List.of(), List.of(h), removed, List.of(), List.of(), null);
        }
        if (event instanceof ServerFrame.Notification e) {
            FloorChange.Notification n = new FloorChange.Notification(e.kind(), e.helpRequestId(), e.interactionId(),
                    e.text());
            return new FloorChange(false, List.of(), List.of(), List.of(), List.of(), List.of(n), List.of(), null);
        }
        if (event instanceof ServerFrame.TranscriptAppended e) {
            TranscriptLineDto line = required(e.line(), "line");
            return new FloorChange(false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(line), null);
        }
        return FloorChange.NONE;
    }

    private FloorChange removeInteraction(String id) {
        if (interactions.remove(id) == null) {
            return FloorChange.NONE;
        }
        return new FloorChange(false, List.of(), List.of(id), List.of(), List.of(), List.of(), List.of(), null);
    }

    public synchronized Map<String, InteractionDto> interactions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(interactions));
    }

    public synchronized Optional<InteractionDto> interaction(String id) {
        return Optional.ofNullable(interactions.get(id));
    }

    /** The open (pending or in progress) help requests, oldest first as the gateway sent them. */
    public synchronized Map<String, HelpRequestDto> helpRequests() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(helpRequests));
    }

    /** The open help request on an interaction, if any. */
    public synchronized Optional<HelpRequestDto> helpRequestOn(String interactionId) {
        return helpRequests.values().stream().filter(h -> h.interactionId().equals(interactionId)).findFirst();
    }

    public synchronized UserDto user() {
        return user;
    }

    /** The tenant settings, or null before the first snapshot. */
    public synchronized TenantSettings settings() {
        return settings;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("the frame has no " + field);
        }
        return value;
    }
}
