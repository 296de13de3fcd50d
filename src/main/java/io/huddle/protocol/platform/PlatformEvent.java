package io.huddle.protocol.platform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.huddle.domain.Channel;
import java.time.Instant;

/**
 * One thing that happened on a contact-center platform's floor, as the platform tells the gateway
 * ({@code POST /api/v1/platform/events}, docs/platform.md). Every event names the platform's own event id
 * (unique per tenant: a re-delivery is a duplicate), when it happened, and the platform's interaction id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PlatformEvent.InteractionStarted.class, name = "interaction.started"),
        @JsonSubTypes.Type(value = PlatformEvent.StateChanged.class, name = "interaction.state_changed"),
        @JsonSubTypes.Type(value = PlatformEvent.TranscriptLine.class, name = "transcript.line"),
        @JsonSubTypes.Type(value = PlatformEvent.InteractionEnded.class, name = "interaction.ended"),
        @JsonSubTypes.Type(value = PlatformEvent.LegEnded.class, name = "supervisor.leg_ended")})
public sealed interface PlatformEvent {
    int MAX_ID = 200;
    int MAX_NAME = 200;
    int MAX_TEXT = io.huddle.domain.TranscriptLine.MAX_TEXT;

    String id();

    Instant at();

    String interactionId();

    /** A live state an interaction can move to; ended is an event of its own. */
    enum State { ACTIVE, ON_HOLD, WRAP_UP }

    /** Who said a transcript line on the platform (supervisors' lines come from Huddle itself). */
    enum Speaker { CUSTOMER, AGENT }

    /** A customer contact reached an agent. */
    record InteractionStarted(String id, Instant at, String interactionId, Channel channel, String agentId,
                              String customerName, String queue) implements PlatformEvent {
    }

    /** The interaction went on hold, came back, or went into wrap-up. */
    record StateChanged(String id, Instant at, String interactionId, State state) implements PlatformEvent {
    }

    /** The customer or the agent said something (chat or messaging text, or voice transcription). */
    record TranscriptLine(String id, Instant at, String interactionId, Speaker speaker, String text)
            implements PlatformEvent {
    }

    /** The interaction is over: its help request ends with it and every supervisor leg is dropped. */
    record InteractionEnded(String id, Instant at, String interactionId) implements PlatformEvent {
    }

    /** The platform dropped a supervisor's leg (hang-up, error, the call ended under it). */
    record LegEnded(String id, Instant at, String interactionId, String supervisorId, String reason)
            implements PlatformEvent {
    }
}
