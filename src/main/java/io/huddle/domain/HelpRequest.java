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
                          EndReason endReason, List<Escalation> escalations) {

    /** Why a request ended. */
    public enum EndReason { AGENT_CLOSED, AGENT_CANCELLED, INTERACTION_ENDED }

    public static final int MAX_TEXT = 500;

    public HelpRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        assignedTo = List.copyOf(assignedTo);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    /** A request with no escalation steps recorded. */
    public HelpRequest(String id, String tenant, String domain, String interactionId, String agentId,
                       String agentName, HelpRequestStatus status, String reason, String comment,
                       List<String> assignedTo, String helpProvidedBy, String helpProvidedByName,
                       Instant createdAt, Instant acceptedAt, Instant closedAt, Instant cancelledAt,
                       EndReason endReason) {
        this(id, tenant, domain, interactionId, agentId, agentName, status, reason, comment, assignedTo,
                helpProvidedBy, helpProvidedByName, createdAt, acceptedAt, closedAt, cancelledAt, endReason, List.of());
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
                assignedTo, supervisor.id(), supervisor.displayName(), createdAt, now, null, null, null, escalations);
    }

    public HelpRequest cancel(Instant now, EndReason why) {
        HelpRequestStatus next = status.transition(HelpRequestStatus.CANCELLED);
        return new HelpRequest(id, tenant, domain, interactionId, agentId, agentName, next, reason, comment,
                assignedTo, helpProvidedBy, helpProvidedByName, createdAt, acceptedAt, null, now, why, escalations);
    }

    public HelpRequest close(Instant now, EndReason why) {
        HelpRequestStatus next = status.transition(HelpRequestStatus.CLOSED);
        return new HelpRequest(id, tenant, domain, interactionId, agentId, agentName, next, reason, comment,
                assignedTo, helpProvidedBy, helpProvidedByName, createdAt, acceptedAt, now, null, why, escalations);
    }

    public HelpRequest withAssignedTo(List<String> supervisors) {
        return new HelpRequest(id, tenant, domain, interactionId, agentId, agentName, status, reason, comment,
                supervisors, helpProvidedBy, helpProvidedByName, createdAt, acceptedAt, closedAt, cancelledAt,
                endReason, escalations);
    }

    /** This pending request with one more escalation step, assigned to {@code supervisors} from now on. */
    public HelpRequest escalate(Escalation step, List<String> supervisors) {
        if (status != HelpRequestStatus.PENDING) {
            throw DomainException.conflict("help request is " + status + ": only a pending one escalates");
        }
        if (reached(step.step())) {
            throw DomainException.conflict("help request " + id + " was already " + step.step().wireName());
        }
        List<Escalation> steps = new java.util.ArrayList<>(escalations);
        steps.add(step);
        return new HelpRequest(id, tenant, domain, interactionId, agentId, agentName, status, reason, comment,
                supervisors, helpProvidedBy, helpProvidedByName, createdAt, acceptedAt, closedAt, cancelledAt,
                endReason, steps);
    }

    /** Whether this step is on record already (each happens at most once). */
    public boolean reached(Escalation.Step step) {
        return escalations.stream().anyMatch(e -> e.step() == step);
    }

    /** When the interaction ends: a pending request is cancelled, one in progress is closed. */
    public HelpRequest endWithInteraction(Instant now) {
        return status == HelpRequestStatus.PENDING
                ? cancel(now, EndReason.INTERACTION_ENDED)
                : close(now, EndReason.INTERACTION_ENDED);
    }
}
