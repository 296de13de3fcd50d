package io.huddle.gateway.store;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.Role;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Records with every field set (and variants with every nullable field null) for the store tests. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123Z");

    private StoreFixtures() {
    }

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    static User user(String id, String tenant, String username) {
        return new User(id, tenant, "sales", username, "Name of " + username, Set.of(Role.AWA_MANAGER, Role.AUDITOR));
    }

    static TenantSettings tenant(String tenant) {
        return new TenantSettings(tenant, true, Set.of(Channel.VOICE, Channel.MESSAGING),
                List.of("Escalation", "Billing \"dispute\"", "Ünïcødé ✓"), true);
    }

    static Interaction interaction(String id, InteractionState state) {
        List<Participant> participants = List.of(
                new Participant("c1", "Carla Customer", Participant.Kind.CUSTOMER, null, null, null),
                new Participant("a1", "Andy Agent", Participant.Kind.AGENT, null, SupervisorMode.AudioLeg.CONFERENCE,
                        java.time.Instant.parse("2025-03-01T09:00:00Z")),
                new Participant("s1", "Sue Supervisor", Participant.Kind.SUPERVISOR, SupervisorMode.COACH,
                        SupervisorMode.AudioLeg.WHISPER, java.time.Instant.parse("2025-03-01T09:01:00Z")));
        return new Interaction(id, "acme", "sales", Channel.VOICE, "a1", "Andy Agent", "Carla Customer", "billing",
                T0, state, true, participants, state == InteractionState.ENDED ? at(600) : null);
    }

    static Interaction minimalInteraction(String id) {
        return new Interaction(id, "acme", "sales", Channel.CHAT, null, null, null, null, T0,
                InteractionState.ACTIVE, false, List.of(), null);
    }

    static HelpRequest helpRequest(String id, String tenant, String domain, HelpRequestStatus status,
                                   String agentId, String helper, Instant createdAt) {
        boolean accepted = status == HelpRequestStatus.IN_PROGRESS || status == HelpRequestStatus.CLOSED;
        return new HelpRequest(id, tenant, domain, "i-" + id, agentId, "Agent " + agentId, status,
                "Policy question", "caller wants a refund", List.of("s1", "s2"),
                accepted ? helper : null, accepted ? "Helper " + helper : null, createdAt,
                accepted ? createdAt.plusSeconds(5) : null,
                status == HelpRequestStatus.CLOSED ? createdAt.plusSeconds(60) : null,
                status == HelpRequestStatus.CANCELLED ? createdAt.plusSeconds(30) : null,
                status == HelpRequestStatus.CLOSED ? HelpRequest.EndReason.AGENT_CLOSED
                        : status == HelpRequestStatus.CANCELLED ? HelpRequest.EndReason.INTERACTION_ENDED : null);
    }

    static HelpRequest helpRequest(String id, HelpRequestStatus status, Instant createdAt) {
        return helpRequest(id, "acme", "sales", status, "a1", "s1", createdAt);
    }

    /** Every field set, every instant distinct. */
    static HelpRequest fullHelpRequest(String id) {
        return new HelpRequest(id, "acme", "sales", "i-1", "a1", "Andy Agent", HelpRequestStatus.CLOSED, "Other",
                "line one\nline \"two\"", List.of("s1", "s2", "s3"), "s2", "Sam Supervisor", at(1), at(2), at(3),
                at(4), HelpRequest.EndReason.AGENT_CLOSED);
    }

    static SupervisorAction action(String id, String tenant, String domain, ActionType type, String supervisorId,
                                   String agentId, String interactionId, String helpRequestId, Instant startedAt) {
        return new SupervisorAction(id, tenant, domain, type, supervisorId, agentId, interactionId, helpRequestId,
                startedAt, startedAt.plusSeconds(30));
    }

    static SupervisorAction action(String id, Instant startedAt) {
        return action(id, "acme", "sales", ActionType.MONITOR, "s1", "a1", "i-1", null, startedAt);
    }
}
