package io.huddle.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.User;
import io.huddle.gateway.floor.FloorEvent;
import io.huddle.gateway.floor.Visibility;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.stream.ServerFrame;

/**
 * Turns one floor event into the payload a given stream may receive, or null when it may not see it.
 * Payloads are serialized at most twice per event (the full view and the agent's view), not once per
 * recipient: each is a {@link ServerFrame.Event} without its {@code seq}, which every stream adds as it
 * sends it (StreamSession).
 */
final class EventFrames {
    private final ObjectMapper json;
    private final FloorEvent event;
    /** For an interaction's event: its pending or in-progress help request at the time, or null. */
    private final HelpRequest open;
    /** Where the event is in its tenant's floor log, or null without one. */
    private final String position;
    private String full;
    private String agentView;

    EventFrames(ObjectMapper json, FloorEvent event, HelpRequest open) {
        this(json, event, open, null);
    }

    EventFrames(ObjectMapper json, FloorEvent event, HelpRequest open, String position) {
        this.json = json;
        this.event = event;
        this.open = open;
        this.position = position;
    }

    String payloadFor(StreamSession s) {
        User u = s.user;
        boolean agent = Visibility.onlyOwn(u);
        if (event instanceof FloorEvent.InteractionChanged e) {
                if (!Visibility.canSee(u, e.after(), open)) {
                    return null;
                }
                if (agent) {
                    if (!Visibility.agentNotices(e.before(), e.after())) {
                        return null;
                    }
                    if (agentView == null) {
                        agentView = interaction(e.after().withoutSilentMonitors());
                    }
                    return agentView;
                }
                if (full == null) {
                    full = interaction(e.after());
                }
                return full;
        }
        if (event instanceof FloorEvent.InteractionEnded e) {
                if (!Visibility.canSee(u, e.interaction(), open)) {
                    return null;
                }
                if (full == null) {
                    full = write(new ServerFrame.InteractionEnded(null, e.interaction().id(),
                            e.interaction().endedAt(), position));
                }
                return full;
        }
        if (event instanceof FloorEvent.HelpRequestChanged e) {
                if (!Visibility.seesChange(u, e.before(), e.request())) {
                    return null;
                }
                if (full == null) {
                    full = write(new ServerFrame.HelpUpdated(null, HelpRequestDto.of(e.request()), position));
                }
                return full;
        }
        if (event instanceof FloorEvent.Notification e) {
                if (!e.recipients().contains(u.id()) || !Visibility.hearsOf(u, e.request())) {
                    return null;
                }
                if (full == null) {
                    full = write(new ServerFrame.Notification(null, e.kind(), e.request().id(),
                            e.request().interactionId(), e.text(), position));
                }
                return full;
        }
        if (event instanceof FloorEvent.TranscriptAppended e) {
                if (!Visibility.canSee(u, e.interaction(), open) || !Visibility.canRead(u, e.line())) {
                    return null;
                }
                if (!agent && !e.interaction().id().equals(s.viewing()) && !onLeg(u, e.interaction())) {
                    return null;
                }
                if (full == null) {
                    full = write(new ServerFrame.TranscriptAppended(null, TranscriptLineDto.of(e.line()), position));
                }
                return full;
        }
        return null;
    }

    private static boolean onLeg(User u, Interaction i) {
        return i.legOf(u.id()) != null;
    }

    private String interaction(Interaction i) {
        return write(new ServerFrame.InteractionUpdated(null, InteractionDto.of(i), position));
    }

    private String write(ServerFrame.Event o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be written as JSON", e);
        }
    }
}
