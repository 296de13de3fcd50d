package io.huddle.domain;

import static io.huddle.domain.DomainFixtures.AGENT;
import static io.huddle.domain.DomainFixtures.OTHER_SUPERVISOR;
import static io.huddle.domain.DomainFixtures.SUPERVISOR;
import static io.huddle.domain.DomainFixtures.T0;
import static io.huddle.domain.DomainFixtures.interaction;
import static io.huddle.domain.DomainFixtures.leg;
import static io.huddle.domain.DomainFixtures.pending;
import static io.huddle.domain.DomainFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Controls.Control;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ControlPolicyTest {
    private static final Control ON = Control.on();

    private static Controls eval(User user, TenantSettings s, Interaction i, HelpRequest open, Participant mine,
                                 Participant active) {
        return ControlPolicy.evaluate(user, s, i, open, mine, active);
    }

    private static Controls free(User user) {
        return eval(user, settings(), interaction(), null, null, null);
    }

    @Test
    void aSupervisorOnAQuietInteractionMayDoAllButDisconnect() {
        Controls c = free(SUPERVISOR);
        assertThat(c.monitor()).isEqualTo(ON);
        assertThat(c.coach()).isEqualTo(ON);
        assertThat(c.bargeIn()).isEqualTo(ON);
        assertThat(c.disconnect()).isEqualTo(Control.off("you are not on this interaction"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AWA_AGENT", "AUDITOR", "ADMIN"})
    void everyOtherRoleGetsEverythingOffWithTheRoleReason(Role role) {
        User u = DomainFixtures.user("acme:x", "X", role);
        Controls c = eval(u, settings(), interaction(), null, null, null);
        assertThat(c).isEqualTo(Controls.allOff("requires the awa_manager (supervisor) role"));
    }

    @Test
    void theRoleReasonComesBeforeTheLicence() {
        TenantSettings off = new TenantSettings("acme", false, Set.of(Channel.values()), List.of("x"), false);
        assertThat(eval(AGENT, off, interaction(), null, null, null).monitor().reason())
                .isEqualTo("requires the awa_manager (supervisor) role");
    }

    @Test
    void licenceOffTurnsEveryModeOffButLeavesDisconnectToALeg() {
        TenantSettings off = new TenantSettings("acme", false, Set.of(Channel.values()), List.of("x"), false);
        String why = "call monitoring is not enabled for this tenant (licence)";
        Controls none = eval(SUPERVISOR, off, interaction(), null, null, null);
        assertThat(List.of(none.monitor(), none.coach(), none.bargeIn())).containsOnly(Control.off(why));
        assertThat(none.disconnect()).isEqualTo(Control.off("you are not on this interaction"));

        Participant mine = leg(SUPERVISOR, SupervisorMode.COACH);
        Controls onLeg = eval(SUPERVISOR, off, interaction(Channel.VOICE, InteractionState.ACTIVE, mine), null, mine,
                mine);
        assertThat(List.of(onLeg.monitor(), onLeg.coach(), onLeg.bargeIn())).containsOnly(Control.off(why));
        assertThat(onLeg.disconnect()).isEqualTo(ON);
    }

    @Test
    void aChannelTheTenantDoesNotMonitorIsOff() {
        TenantSettings voiceOnly = new TenantSettings("acme", true, Set.of(Channel.VOICE), List.of("x"), false);
        Controls c = eval(SUPERVISOR, voiceOnly, interaction(Channel.CHAT, InteractionState.ACTIVE), null, null, null);
        assertThat(List.of(c.monitor(), c.coach(), c.bargeIn())).containsOnly(
                Control.off("call monitoring is not enabled for chat interactions in this tenant"));
        Controls messaging = eval(SUPERVISOR, voiceOnly, interaction(Channel.MESSAGING, InteractionState.ACTIVE),
                null, null, null);
        assertThat(messaging.coach().reason()).isEqualTo(
                "call monitoring is not enabled for messaging interactions in this tenant");
        assertThat(eval(SUPERVISOR, voiceOnly, interaction(), null, null, null).coach()).isEqualTo(ON);
    }

    @Test
    void endedAndWrapUpAreOffButOnHoldIsNot() {
        Controls ended = eval(SUPERVISOR, settings(), interaction(Channel.VOICE, InteractionState.ENDED), null, null,
                null);
        assertThat(List.of(ended.monitor(), ended.coach(), ended.bargeIn()))
                .containsOnly(Control.off("the interaction has ended"));
        Controls wrap = eval(SUPERVISOR, settings(), interaction(Channel.VOICE, InteractionState.WRAP_UP), null,
                null, null);
        assertThat(List.of(wrap.monitor(), wrap.coach(), wrap.bargeIn()))
                .containsOnly(Control.off("the interaction is in wrap-up"));
        Controls hold = eval(SUPERVISOR, settings(), interaction(Channel.VOICE, InteractionState.ON_HOLD), null,
                null, null);
        assertThat(List.of(hold.monitor(), hold.coach(), hold.bargeIn())).containsOnly(ON);
    }

    @Test
    void aPendingRequestBlocksCoachAndBargeButNotMonitor() {
        Controls c = eval(SUPERVISOR, settings(), interaction(), pending(), null, null);
        String why = "Andy Agent asked for help: confirm the help request first";
        assertThat(c.monitor()).isEqualTo(ON);
        assertThat(c.coach()).isEqualTo(Control.off(why));
        assertThat(c.bargeIn()).isEqualTo(Control.off(why));
    }

    @Test
    void aRequestAcceptedBySomeoneElseBlocksCoachAndBarge() {
        HelpRequest theirs = pending().accept(OTHER_SUPERVISOR, T0.plusSeconds(5));
        Controls c = eval(SUPERVISOR, settings(), interaction(), theirs, null, null);
        String why = "Sam Supervisor is providing help on this interaction";
        assertThat(c.monitor()).isEqualTo(ON);
        assertThat(c.coach()).isEqualTo(Control.off(why));
        assertThat(c.bargeIn()).isEqualTo(Control.off(why));
    }

    @Test
    void theSupervisorWhoAcceptedMaySpeak() {
        HelpRequest mine = pending().accept(SUPERVISOR, T0.plusSeconds(5));
        Controls c = eval(SUPERVISOR, settings(), interaction(), mine, null, null);
        assertThat(List.of(c.monitor(), c.coach(), c.bargeIn())).containsOnly(ON);
    }

    @Test
    void someoneElseCoachingOrBargingBlocksSpeakingButNotMonitoring() {
        Participant theirs = leg(OTHER_SUPERVISOR, SupervisorMode.COACH);
        Interaction i = interaction(Channel.VOICE, InteractionState.ACTIVE, theirs);
        Controls c = eval(SUPERVISOR, settings(), i, null, null, theirs);
        assertThat(c.monitor()).isEqualTo(ON);
        assertThat(c.coach()).isEqualTo(Control.off("Sam Supervisor is already coaching on this interaction"));
        assertThat(c.bargeIn()).isEqualTo(Control.off("Sam Supervisor is already coaching on this interaction"));

        Participant barging = leg(OTHER_SUPERVISOR, SupervisorMode.BARGE_IN);
        Controls b = eval(SUPERVISOR, settings(), interaction(Channel.VOICE, InteractionState.ACTIVE, barging), null,
                null, barging);
        assertThat(b.coach()).isEqualTo(Control.off("Sam Supervisor is already barging in on this interaction"));
    }

    @Test
    void theSpeakingSupervisorMaySwitchBetweenCoachAndBarge() {
        Participant mine = leg(SUPERVISOR, SupervisorMode.COACH);
        Controls c = eval(SUPERVISOR, settings(), interaction(Channel.VOICE, InteractionState.ACTIVE, mine), null,
                mine, mine);
        assertThat(c.monitor()).isEqualTo(ON);
        assertThat(c.coach()).isEqualTo(Control.off("you are already in coach mode"));
        assertThat(c.bargeIn()).isEqualTo(ON);
        assertThat(c.disconnect()).isEqualTo(ON);
    }

    @ParameterizedTest
    @EnumSource(SupervisorMode.class)
    void alreadyInAModeTurnsThatModeOff(SupervisorMode mode) {
        Participant mine = leg(SUPERVISOR, mode);
        Participant active = mode == SupervisorMode.MONITOR ? null : mine;
        Controls c = eval(SUPERVISOR, settings(), interaction(Channel.VOICE, InteractionState.ACTIVE, mine), null,
                mine, active);
        ActionType same = ActionType.valueOf(mode.name());
        assertThat(c.forAction(same)).isEqualTo(Control.off("you are already in " + ControlPolicy.label(mode)
                + " mode"));
        for (ActionType other : ActionType.values()) {
            if (other != same) {
                assertThat(c.forAction(other)).as(other.name()).isEqualTo(ON);
            }
        }
    }

    @Test
    void aMonitoringSupervisorStillSeesAPendingRequestBlockCoach() {
        Participant mine = leg(SUPERVISOR, SupervisorMode.MONITOR);
        Controls c = eval(SUPERVISOR, settings(), interaction(Channel.VOICE, InteractionState.ACTIVE, mine),
                pending(), mine, null);
        assertThat(c.monitor()).isEqualTo(Control.off("you are already in monitor mode"));
        assertThat(c.coach().reason()).isEqualTo("Andy Agent asked for help: confirm the help request first");
        assertThat(c.disconnect()).isEqualTo(ON);
    }

    @Test
    void labelsAndActionMapping() {
        assertThat(ControlPolicy.label(SupervisorMode.BARGE_IN)).isEqualTo("barge-in");
        assertThat(ActionType.DISCONNECT.mode()).isNull();
        Controls c = free(SUPERVISOR);
        assertThat(c.forAction(ActionType.DISCONNECT)).isSameAs(c.disconnect());
        assertThat(c.forAction(ActionType.BARGE_IN)).isSameAs(c.bargeIn());
    }

    @Test
    void aMessageReachesTheAgentWhileCoachingAndEveryoneAfterBargingIn() {
        assertThat(ControlPolicy.message(settings(), interaction(), leg(SUPERVISOR, SupervisorMode.COACH)))
                .isEqualTo(new ControlPolicy.Message(TranscriptLine.Audience.AGENT, null));
        assertThat(ControlPolicy.message(settings(), interaction(), leg(SUPERVISOR, SupervisorMode.BARGE_IN)))
                .isEqualTo(new ControlPolicy.Message(TranscriptLine.Audience.ALL, null));
    }

    @Test
    void noMessageWithoutASpeakingLegOrOnABlockedInteraction() {
        assertThat(ControlPolicy.message(settings(), interaction(), null).refusal())
                .isEqualTo("you are not on interaction ix-1: start Coach or Barge In first");
        assertThat(ControlPolicy.message(settings(), interaction(), leg(SUPERVISOR, SupervisorMode.MONITOR)).refusal())
                .isEqualTo("you are monitoring silently: switch to Coach or Barge In to send messages");
        ControlPolicy.Message wrapUp = ControlPolicy.message(settings(),
                interaction(Channel.VOICE, InteractionState.WRAP_UP), leg(SUPERVISOR, SupervisorMode.COACH));
        assertThat(wrapUp).isEqualTo(new ControlPolicy.Message(null,
                "messages cannot be sent: the interaction is in wrap-up"));
    }
}
