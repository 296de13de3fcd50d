package io.huddle.protocol;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import java.time.Instant;
import java.util.List;

/** A help request on the wire. */
public record HelpRequestDto(String id, String interactionId, String agentId, String agentName,
                             HelpRequestStatus status, String reason, String comment, List<String> assignedTo,
                             String helpProvidedBy, String helpProvidedByName, Instant createdAt,
                             Instant acceptedAt, Instant closedAt, Instant cancelledAt,
                             HelpRequest.EndReason endReason) {
    public static HelpRequestDto of(HelpRequest r) {
        return new HelpRequestDto(r.id(), r.interactionId(), r.agentId(), r.agentName(), r.status(), r.reason(),
                r.comment(), r.assignedTo(), r.helpProvidedBy(), r.helpProvidedByName(), r.createdAt(),
                r.acceptedAt(), r.closedAt(), r.cancelledAt(), r.endReason());
    }
}
