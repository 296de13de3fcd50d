package io.huddle.protocol.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.huddle.domain.DomainException;
import java.io.IOException;
import java.util.List;

/**
 * Reads and checks a batch of platform events as a whole: the first problem is a 400 naming the event's
 * index and the field, so a batch is either entirely well-formed or not applied at all.
 */
public final class PlatformEventReader {
    private static final String TYPES = "interaction.started, interaction.state_changed, transcript.line, "
            + "interaction.ended, supervisor.leg_ended";

    private final ObjectMapper json;

    public PlatformEventReader(ObjectMapper json) {
        this.json = json;
    }

    public List<PlatformEvent> read(byte[] body) {
        if (body.length > PlatformEventBatch.MAX_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE,
                    "a batch of events is at most " + PlatformEventBatch.MAX_BYTES + " bytes");
        }
        PlatformEventBatch batch;
        try {
            batch = json.readValue(body, PlatformEventBatch.class);
        } catch (InvalidTypeIdException e) {
            throw DomainException.badRequest(where(e) + ": 'type' must be one of " + TYPES);
        } catch (JsonMappingException e) {
            throw DomainException.badRequest(where(e) + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw DomainException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw DomainException.badRequest("the body could not be read: " + e.getMessage());
        }
        if (batch == null || batch.events() == null) {
            throw DomainException.badRequest("field 'events' is required: {\"events\": [...]}");
        }
        List<PlatformEvent> events = batch.events();
        if (events.size() > PlatformEventBatch.MAX_EVENTS) {
            throw new DomainException(DomainException.Kind.TOO_LARGE,
                    "a batch holds at most " + PlatformEventBatch.MAX_EVENTS + " events, not " + events.size());
        }
        for (int i = 0; i < events.size(); i++) {
            check(i, events.get(i));
        }
        return events;
    }

    private static void check(int index, PlatformEvent e) {
        if (e == null) {
            throw DomainException.badRequest("events[" + index + "] is null");
        }
        Fields f = new Fields(index);
        f.text("id", e.id(), PlatformEvent.MAX_ID);
        f.present("at", e.at());
        f.text("interactionId", e.interactionId(), PlatformEvent.MAX_ID);
        if (e instanceof PlatformEvent.InteractionStarted s) {
            f.present("channel", s.channel());
            f.text("agentId", s.agentId(), PlatformEvent.MAX_ID);
            f.text("customerName", s.customerName(), PlatformEvent.MAX_NAME);
            f.text("queue", s.queue(), PlatformEvent.MAX_NAME);
        } else if (e instanceof PlatformEvent.StateChanged c) {
            f.present("state", c.state());
        } else if (e instanceof PlatformEvent.TranscriptLine l) {
            f.present("speaker", l.speaker());
            f.text("text", l.text(), PlatformEvent.MAX_TEXT);
        } else if (e instanceof PlatformEvent.LegEnded l) {
            f.text("supervisorId", l.supervisorId(), PlatformEvent.MAX_ID);
            f.optionalText("reason", l.reason(), PlatformEvent.MAX_NAME);
        }
    }

    /** "events[3].channel" from the path Jackson reports. */
    private static String where(JsonMappingException e) {
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                at.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                at.append(at.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return at.length() == 0 ? "the body" : at.toString();
    }

    private record Fields(int index) {
        void present(String field, Object value) {
            if (value == null) {
                throw DomainException.badRequest("events[" + index + "]." + field + " is required");
            }
        }

        void text(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                throw DomainException.badRequest("events[" + index + "]." + field + " is required");
            }
            optionalText(field, value, max);
        }

        void optionalText(String field, String value, int max) {
            if (value != null && value.length() > max) {
                throw DomainException.badRequest("events[" + index + "]." + field + " is longer than " + max
                        + " characters");
            }
        }
    }
}
