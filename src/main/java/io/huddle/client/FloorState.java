package io.huddle.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.TenantSettings;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.Json;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.UserDto;
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
    private static final ObjectMapper JSON = Json.newMapper();

    private final Map<String, InteractionDto> interactions = new LinkedHashMap<>();
    private final Map<String, HelpRequestDto> helpRequests = new LinkedHashMap<>();
    private UserDto user;
    private TenantSettings settings;

    public synchronized void setUser(UserDto user) {
        this.user = user;
    }

    /** Replaces the floor with a snapshot: whatever is not in it is removed (no ghost rows). */
    public synchronized FloorChange applySnapshot(JsonNode snapshot) {
        List<InteractionDto> ix = readList(snapshot.get("interactions"), InteractionDto.class);
        List<HelpRequestDto> help = readList(snapshot.get("helpRequests"), HelpRequestDto.class);
        TenantSettings s = read(snapshot.get("settings"), TenantSettings.class);
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
     * Applies one numbered event by its type. Unknown types change nothing (a newer gateway may send more).
     *
     * @throws IllegalArgumentException when the event cannot be read
     */
    public synchronized FloorChange apply(String type, JsonNode event) {
        switch (type) {
            case "interaction.updated" -> {
                InteractionDto i = read(event.get("interaction"), InteractionDto.class);
                if (!i.state().isLive()) {
                    return removeInteraction(i.id());
                }
                interactions.put(i.id(), i);
                return new FloorChange(false, List.of(i), List.of(), List.of(), List.of(), List.of(), List.of(), null);
            }
            case "interaction.ended" -> {
                return removeInteraction(text(event, "interactionId"));
            }
            case "help.updated" -> {
                HelpRequestDto h = read(event.get("helpRequest"), HelpRequestDto.class);
                List<String> removed = List.of();
                if (h.status().isOpen()) {
                    helpRequests.put(h.id(), h);
                } else if (helpRequests.remove(h.id()) != null) {
                    removed = List.of(h.id());
                }
                return new FloorChange(false, List.of(), List.of(), List.of(h), removed, List.of(), List.of(), null);
            }
            case "notification" -> {
                FloorChange.Notification n = new FloorChange.Notification(text(event, "kind"),
                        text(event, "helpRequestId"), text(event, "interactionId"), text(event, "text"));
                return new FloorChange(false, List.of(), List.of(), List.of(), List.of(), List.of(n), List.of(), null);
            }
            case "transcript.appended" -> {
                TranscriptLineDto line = read(event.get("line"), TranscriptLineDto.class);
                return new FloorChange(false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(line),
                        null);
            }
            default -> {
                return FloorChange.NONE;
            }
        }
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

    private static String text(JsonNode event, String field) {
        JsonNode v = event.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("the frame has no " + type.getSimpleName());
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a " + type.getSimpleName() + " could not be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static <T> List<T> readList(JsonNode node, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(read(n, type)));
        }
        return out;
    }
}
