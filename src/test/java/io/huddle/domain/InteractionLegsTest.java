package io.huddle.domain;

import static io.huddle.domain.DomainFixtures.AGENT;
import static io.huddle.domain.DomainFixtures.OTHER_SUPERVISOR;
import static io.huddle.domain.DomainFixtures.SUPERVISOR;
import static io.huddle.domain.DomainFixtures.interaction;
import static io.huddle.domain.DomainFixtures.leg;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding and dropping a supervisor's leg on an interaction. */
class InteractionLegsTest {

    @Test
    void findsOnlyASupervisorsOwnLeg() {
        Interaction i = interaction(Channel.VOICE, InteractionState.ACTIVE, leg(SUPERVISOR, SupervisorMode.MONITOR));
        assertThat(i.legOf(SUPERVISOR.id()).mode()).isEqualTo(SupervisorMode.MONITOR);
        assertThat(i.legOf(OTHER_SUPERVISOR.id())).isNull();
        assertThat(i.legOf(AGENT.id())).as("the agent is a participant, not a supervisor's leg").isNull();
    }

    @Test
    void theSpeakingLegIsTheOneCoachingOrBargingIn() {
        Interaction i = interaction(Channel.VOICE, InteractionState.ACTIVE, leg(SUPERVISOR, SupervisorMode.MONITOR),
                leg(OTHER_SUPERVISOR, SupervisorMode.COACH));
        assertThat(i.speakingLeg().id()).isEqualTo(OTHER_SUPERVISOR.id());
        assertThat(interaction(Channel.VOICE, InteractionState.ACTIVE, leg(SUPERVISOR, SupervisorMode.MONITOR))
                .speakingLeg()).isNull();
    }

    @Test
    void dropsOneLegOrEveryLegAndKeepsTheCustomerAndTheAgent() {
        Interaction i = interaction(Channel.VOICE, InteractionState.ACTIVE, leg(SUPERVISOR, SupervisorMode.MONITOR),
                leg(OTHER_SUPERVISOR, SupervisorMode.COACH));
        assertThat(i.withoutLegOf(SUPERVISOR.id()).participants()).extracting(Participant::id)
                .containsExactly("cust-1", AGENT.id(), OTHER_SUPERVISOR.id());
        assertThat(i.withoutLegOf(AGENT.id())).isEqualTo(i);
        assertThat(i.withoutSupervisorLegs().participants()).extracting(Participant::id)
                .containsExactly("cust-1", AGENT.id());
    }
}
