package io.huddle.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A live customer contact handled by one agent. Immutable: every change makes a new value. {@code platformId}
 * is the contact-center platform's own id of it (docs/platform.md), null for one that no platform reported.
 */
public record Interaction(String id, String tenant, String domain, Channel channel, String agentId, String agentName,
                          String customerName, String queue, Instant startedAt, InteractionState state,
                          boolean helpRequested, List<Participant> participants, Instant endedAt, String platformId) {
    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        participants = List.copyOf(participants);
    }

    /** An interaction that no platform reported (tests, and stores written before platforms). */
    public Interaction(String id, String tenant, String domain, Channel channel, String agentId, String agentName,
                       String customerName, String queue, Instant startedAt, InteractionState state,
                       boolean helpRequested, List<Participant> participants, Instant endedAt) {
        this(id, tenant, domain, channel, agentId, agentName, customerName, queue, startedAt, state, helpRequested,
                participants, endedAt, null);
    }

    public Interaction withState(InteractionState newState, Instant at) {
        return new Interaction(id, tenant, domain, channel, agentId, agentName, customerName, queue, startedAt,
                newState, helpRequested, participants, newState == InteractionState.ENDED ? at : endedAt, platformId);
    }

    public Interaction withHelpRequested(boolean flag) {
        return new Interaction(id, tenant, domain, channel, agentId, agentName, customerName, queue, startedAt,
                state, flag, participants, endedAt, platformId);
    }

    public Interaction withParticipants(List<Participant> list) {
        return new Interaction(id, tenant, domain, channel, agentId, agentName, customerName, queue, startedAt,
                state, helpRequested, list, endedAt, platformId);
    }

    /** This supervisor's leg on the interaction, or null when they are not on it. */
    public Participant legOf(String supervisorId) {
        for (Participant p : participants) {
            if (p.isSupervisor() && p.id().equals(supervisorId)) {
                return p;
            }
        }
        return null;
    }

    /** The one supervisor coaching or barging in, or null. */
    public Participant speakingLeg() {
        for (Participant p : participants) {
            if (p.isSupervisor() && p.mode() != SupervisorMode.MONITOR) {
                return p;
            }
        }
        return null;
    }

    /** The interaction with this supervisor's leg dropped (unchanged when they are not on it). */
    public Interaction withoutLegOf(String supervisorId) {
        return withParticipants(participants.stream()
                .filter(p -> !(p.isSupervisor() && p.id().equals(supervisorId))).toList());
    }

    /** The interaction with every supervisor leg dropped: the customer and the agent stay. */
    public Interaction withoutSupervisorLegs() {
        return withParticipants(participants.stream().filter(p -> !p.isSupervisor()).toList());
    }

    /** The participants as seen by someone who may not see silent monitors (the agent, the customer). */
    public Interaction withoutSilentMonitors() {
        List<Participant> visible = new ArrayList<>();
        for (Participant p : participants) {
            if (!p.isSupervisor() || p.mode().visibleToAgent()) {
                visible.add(p);
            }
        }
        return withParticipants(visible);
    }

    /** As the customer sees it: only supervisors who barged in. */
    public List<Participant> customerView() {
        List<Participant> visible = new ArrayList<>();
        for (Participant p : participants) {
            if (!p.isSupervisor() || p.mode().visibleToCustomer()) {
                visible.add(p);
            }
        }
        return visible;
    }
}
