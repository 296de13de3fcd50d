package io.huddle.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small values for the domain tests: one tenant "acme", domain "support". */
final class DomainFixtures {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00.000Z");

    static final User SUPERVISOR = user("acme:sup1", "Sue Supervisor", Role.AWA_MANAGER);
    static final User OTHER_SUPERVISOR = user("acme:sup2", "Sam Supervisor", Role.AWA_MANAGER);
    static final User AGENT = user("acme:agent1", "Andy Agent", Role.AWA_AGENT);

    private DomainFixtures() {
    }

    static User user(String id, String name, Role... roles) {
        return new User(id, "acme", "support", id.substring(id.indexOf(':') + 1), name, Set.of(roles));
    }

    static TenantSettings settings() {
        return TenantSettings.defaults("acme");
    }

    static Interaction interaction(Channel channel, InteractionState state, Participant... supervisors) {
        List<Participant> ps = new ArrayList<>();
        ps.add(new Participant("cust-1", "Carla Customer", Participant.Kind.CUSTOMER, null, null, T0));
        ps.add(new Participant(AGENT.id(), AGENT.displayName(), Participant.Kind.AGENT, null, null, T0));
        ps.addAll(List.of(supervisors));
        return new Interaction("ix-1", "acme", "support", channel, AGENT.id(), AGENT.displayName(), "Carla Customer",
                "Billing", T0, state, false, ps, state == InteractionState.ENDED ? T0.plusSeconds(60) : null);
    }

    static Interaction interaction() {
        return interaction(Channel.VOICE, InteractionState.ACTIVE);
    }

    static Participant leg(User supervisor, SupervisorMode mode) {
        return new Participant(supervisor.id(), supervisor.displayName(), Participant.Kind.SUPERVISOR, mode,
                mode.audioLeg(), T0);
    }

    static HelpRequest pending() {
        return HelpRequest.raise("hr-1", interaction(), "Policy question", "refund", List.of(SUPERVISOR.id(),
                OTHER_SUPERVISOR.id()), T0);
    }
}
