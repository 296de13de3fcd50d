package io.huddle.protocol;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import java.time.Instant;
import java.util.List;

/** A help request on the wire; {@code escalations} are the ladder's steps so far, oldest first. */
public record HelpRequestDto(String id, String interactionId, String agentId, String agentName,
                             HelpRequestStatus status, String reason, String comment, List<String> assignedTo,
                             String helpProvidedBy, String helpProvidedByName, Instant createdAt,
                             Instant acceptedAt, Instant closedAt, Instant cancelledAt,
                             HelpRequest.EndReason endReason, List<EscalationDto> escalations) {
    public HelpRequestDto {
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    /** A request with no escalation steps. */
    public HelpRequestDto(String id, String interactionId, String agentId, String agentName,
                          HelpRequestStatus status, String reason, String comment, List<String> assignedTo,
                          String helpProvidedBy, String helpProvidedByName, Instant createdAt,
                          Instant acceptedAt, Instant closedAt, Instant cancelledAt,
                          HelpRequest.EndReason endReason) {
        this(id, interactionId, agentId, agentName, status, reason, comment, assignedTo, helpProvidedBy,
                helpProvidedByName, createdAt, acceptedAt, closedAt, cancelledAt, endReason, List.of());
    }

    public static HelpRequestDto of(HelpRequest r) {
        return new HelpRequestDto(r.id(), r.interactionId(), r.agentId(), r.agentName(), r.status(), r.reason(),
                r.comment(), r.assignedTo(), r.helpProvidedBy(), r.helpProvidedByName(), r.createdAt(),
                r.acceptedAt(), r.closedAt(), r.cancelledAt(), r.endReason(),
                r.escalations().stream().map(EscalationDto::of).toList());
    }

    /** The last step of this kind, or null. */
    public EscalationDto lastStep(String step) {
        EscalationDto found = null;
        for (EscalationDto e : escalations) {
            if (step.equals(e.step())) {
                found = e;
            }
        }
        return found;
    }
}
