package io.huddle.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An agent's request for a supervisor's help on one interaction. Status changes go through
 * {@link HelpRequestStatus#transition}, so an impossible move never produces a value.
 */
public record HelpRequest(String id, String tenant, String domain, String interactionId, String agentId,
                          String agentName, HelpRequestStatus status, String reason, String comment,
                          List<String> assignedTo, String helpProvidedBy, String helpProvidedByName,
                          Instant createdAt, Instant acceptedAt, Instant closedAt, Instant cancelledAt,
                          EndReason endReason) {

    /** Why a request ended. */
    public enum EndReason { AGENT_CLOSED, AGENT_CANCELLED, INTERACTION_ENDED }

    public static final int MAX_TEXT = 500;

    public HelpRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        assignedTo = List.copyOf(assignedTo);
    }

    public static HelpRequest raise(String id, Interaction interaction, String reason, String comment,
                                    List<String> assignedTo, Instant now) {
        return new HelpRequest(id, interaction.tenant(), interaction.domain(), interaction.id(),
                interaction.agentId(), interaction.agentName(), HelpRequestStatus.PENDING, reason, comment,
                assignedTo, null, null, now, null, null, null, null);
    }

    public HelpRequest accept(User supervisor, Instant now) {
        HelpRequestStatus next = status.transition(HelpRequestStatus.IN_PROGRESS);
        return new HelpRequest(id, tenant, domain, interactionId, agentId, agentName, next, reason, comment,
                assignedTo, supervisor.id(), supervisor.displayName(), createdAt, now, null, null, null);
    }

    public HelpRequest cancel(Instant now, EndReason why) {
        HelpRequestStatus next = status.transition(HelpRequestStatus.CANCELLED);
        return new HelpRequest(id, tenant, domain, interactionId, agentId, agentName, next, reason, comment,
                assignedTo, helpProvidedBy, helpProvidedByName, createdAt, acceptedAt, null, now, why);
    }

    public HelpRequest close(Instant now, EndReason why) {
        HelpRequestStatus next = status.transition(HelpRequestStatus.CLOSED);
        return new HelpRequest(id, tenant, domain, interactionId, agentId, agentName, next, reason, comment,
                assignedTo, helpProvidedBy, helpProvidedByName, createdAt, acceptedAt, now, null, why);
    }

    public HelpRequest withAssignedTo(List<String> supervisors) {
        return new HelpRequest(id, tenant, domain, interactionId, agentId, agentName, status, reason, comment,
                supervisors, helpProvidedBy, helpProvidedByName, createdAt, acceptedAt, closedAt, cancelledAt,
                endReason);
    }

    /** When the interaction ends: a pending request is cancelled, one in progress is closed. */
    public HelpRequest endWithInteraction(Instant now) {
        return status == HelpRequestStatus.PENDING
                ? cancel(now, EndReason.INTERACTION_ENDED)
                : close(now, EndReason.INTERACTION_ENDED);
    }
}
