package io.huddle.gateway.floor;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.TranscriptLine;
import java.util.List;

/**
 * Something that changed on a tenant's floor. Published in the order the changes happened, while the
 * tenant's lock is held, so every listener sees one consistent sequence. Who may see what is decided by
 * the listener (the stream), not here. Written into the floor log as JSON for the other instances (FloorOp).
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        property = "event")
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = FloorEvent.InteractionChanged.class,
                name = "interaction.changed"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = FloorEvent.InteractionEnded.class,
                name = "interaction.ended"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = FloorEvent.HelpRequestChanged.class,
                name = "help.changed"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = FloorEvent.Notification.class,
                name = "notification"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = FloorEvent.TranscriptAppended.class,
                name = "transcript.appended")})
public sealed interface FloorEvent {

    String tenant();

    /** An interaction started or changed; {@code before} is null when it is new. */
    record InteractionChanged(String tenant, Interaction before, Interaction after) implements FloorEvent {
    }

    /** An interaction ended and left the live list. */
    record InteractionEnded(String tenant, Interaction interaction) implements FloorEvent {
    }

    /** A help request was raised or changed state; {@code before} is null when it is new. */
    record HelpRequestChanged(String tenant, HelpRequest before, HelpRequest request) implements FloorEvent {
    }

    /**
     * A notice for some supervisors only.
     *
     * @param kind       help.assigned, help.cancelled or help.accepted (by someone else)
     * @param recipients the user ids it is for
     */
    record Notification(String tenant, String kind, HelpRequest request, List<String> recipients, String text)
            implements FloorEvent {
        public Notification {
            recipients = List.copyOf(recipients);
        }
    }

    /** A line was added to an interaction's transcript. */
    record TranscriptAppended(String tenant, Interaction interaction, TranscriptLine line) implements FloorEvent {
    }
}
