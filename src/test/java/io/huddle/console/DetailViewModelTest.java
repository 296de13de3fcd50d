package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.acted;
import static io.huddle.console.ConsoleFixtures.controls;
import static io.huddle.console.ConsoleFixtures.ix;
import static io.huddle.console.ConsoleFixtures.line;
import static io.huddle.console.ConsoleFixtures.sup;
import static io.huddle.console.ConsoleFixtures.viewed;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.CommandException;
import io.huddle.domain.ActionType;
import io.huddle.domain.InteractionState;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TranscriptLine.Speaker;
import io.huddle.protocol.ParticipantDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.ui.UiThread;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DetailViewModelTest {
    final ConsoleFixtures.FakeGateway gateway = new ConsoleFixtures.FakeGateway();
    final DetailViewModel vm = new DetailViewModel(ME, UiThread.direct(), gateway);

    List<ControlState> all() {
        return List.of(vm.monitorControl(), vm.coachControl(), vm.bargeInControl(), vm.disconnectControl());
    }

    void open(String id, SupervisorMode myMode, boolean monitor, boolean coach, boolean barge, boolean disconnect) {
        vm.select(id);
        ParticipantDto[] me = myMode == null ? new ParticipantDto[0] : new ParticipantDto[] {sup(ME, "Me", myMode)};
        gateway.lastView().complete(viewed(ix(id, me), controls(monitor, coach, barge, disconnect)));
    }

    List<String> lineIds() {
        return vm.transcript().stream().map(TranscriptLineDto::id).toList();
    }

    @Test
    void selectingViewsTheInteractionAndAppliesTheGatewaysControlsAndTranscript() {
        vm.select("a");
        assertThat(gateway.viewed).containsExactly("a");
        assertThat(vm.loading().get()).isTrue();
        gateway.lastView().complete(viewed(ix("a"), controls(true, false, false, true),
                line("l1", "a", Speaker.CUSTOMER, "hi"), line("l2", "a", Speaker.AGENT, "hello")));
        assertThat(vm.loading().get()).isFalse();
        assertThat(vm.interaction().get().id()).isEqualTo("a");
        assertThat(vm.monitorControl().enabled().get()).isTrue();
        assertThat(vm.coachControl().enabled().get()).isFalse();
        assertThat(vm.coachControl().reason().get()).isEqualTo("coaching is off for this tenant");
        assertThat(vm.bargeInControl().reason().get()).isEqualTo("barge-in needs a help request");
        assertThat(vm.disconnectControl().enabled().get()).isTrue();
        assertThat(lineIds()).containsExactly("l1", "l2");
        assertThat(vm.monitorCommand().executable().get()).isTrue();
        assertThat(vm.coachCommand().executable().get()).isFalse();
    }

    @Test
    void whileANewSelectionLoadsThePreviousOnesControlsAreNotOffered() {
        open("a", null, true, true, true, true);
        vm.select("b");
        assertThat(all()).allSatisfy(c -> assertThat(c.enabled().get()).isFalse());
        gateway.lastView().complete(viewed(ix("b"), controls(true, false, false, false)));
        assertThat(vm.monitorCommand().executable().get()).isTrue();
    }

    @Test
    void aLateAnswerForAnEarlierSelectionIsIgnored() {
        vm.select("a");
        vm.select("b");
        gateway.views.get(1).complete(viewed(ix("b"), controls(false, true, false, false)));
        gateway.views.get(0).complete(viewed(ix("a"), controls(true, false, true, true),
                line("la", "a", Speaker.AGENT, "old")));
        assertThat(vm.interaction().get().id()).isEqualTo("b");
        assertThat(vm.monitorControl().enabled().get()).isFalse();
        assertThat(vm.coachControl().enabled().get()).isTrue();
        assertThat(vm.transcript()).isEmpty();
    }

    @Test
    void aFailedViewTurnsTheControlsOffAndSaysWhy() {
        vm.select("a");
        gateway.lastView().completeExceptionally(new CommandException("not_found", "no interaction a"));
        assertThat(vm.error().get()).isEqualTo("Could not open the interaction: no interaction a");
        assertThat(all()).allSatisfy(c -> assertThat(c.enabled().get()).isFalse());
        assertThat(vm.loading().get()).isFalse();
    }

    @Test
    void anActionIsBusyWhileInFlightAndItsAckAppliesTheNewControls() {
        open("a", null, true, true, false, false);
        vm.monitorCommand().execute();
        assertThat(gateway.acted).containsExactly("a:MONITOR");
        assertThat(vm.monitorCommand().running().get()).isTrue();
        assertThat(vm.monitorCommand().executable().get()).isFalse();
        vm.monitorCommand().execute();
        assertThat(gateway.acted).hasSize(1);
        assertThat(vm.monitorControl().enabled().get()).as("unchanged until the ack").isTrue();

        gateway.acts.get(0).complete(acted("a", ActionType.MONITOR, controls(false, true, true, true)));
        assertThat(vm.monitorCommand().running().get()).isFalse();
        assertThat(vm.monitorControl().enabled().get()).isFalse();
        assertThat(vm.monitorControl().reason().get()).isEqualTo("already monitoring");
        assertThat(vm.bargeInControl().enabled().get()).isTrue();
        assertThat(vm.disconnectCommand().executable().get()).isTrue();
    }

    @Test
    void whileOneControlIsInFlightNoOtherCanBePressed() {
        open("a", null, true, true, true, false);
        vm.coachCommand().execute();
        assertThat(vm.bargeInCommand().executable().get()).isFalse();
        vm.bargeInCommand().execute();
        assertThat(gateway.acted).containsExactly("a:COACH");
        gateway.acts.get(0).complete(acted("a", ActionType.COACH, controls(true, false, true, true)));
        assertThat(vm.bargeInCommand().executable().get()).isTrue();
    }

    @Test
    void aFailedActionLeavesTheControlsAsTheyWereAndSetsAnError() {
        open("a", SupervisorMode.MONITOR, false, true, true, true);
        vm.bargeInCommand().execute();
        gateway.acts.get(0).completeExceptionally(new CommandException("conflict", "the interaction has ended"));
        assertThat(vm.bargeInCommand().error().get()).isEqualTo("Barge In failed: the interaction has ended");
        assertThat(vm.bargeInControl().enabled().get()).isTrue();
        assertThat(vm.coachControl().enabled().get()).isTrue();
        assertThat(vm.monitorControl().enabled().get()).isFalse();
        assertThat(vm.myMode().get()).isEqualTo(SupervisorMode.MONITOR);
    }

    @Test
    void anActionsAckForAnEarlierSelectionDoesNotChangeTheControlsShownNow() {
        open("a", null, true, false, false, false);
        vm.monitorCommand().execute();
        open("b", null, false, true, false, false);
        gateway.acts.get(0).complete(acted("a", ActionType.MONITOR, controls(false, true, true, true)));
        assertThat(vm.interaction().get().id()).isEqualTo("b");
        assertThat(vm.bargeInControl().enabled().get()).isFalse();
        assertThat(vm.disconnectControl().enabled().get()).isFalse();
    }

    @Test
    void myModeComesFromTheParticipantWithMyId() {
        vm.select("a");
        gateway.lastView().complete(viewed(ix("a", sup("acme:sup2", "Other", SupervisorMode.BARGE_IN)),
                controls(true, true, true, false)));
        assertThat(vm.myMode().get()).isNull();
        vm.interactionUpdated(ix("a", sup("acme:sup2", "Other", SupervisorMode.BARGE_IN),
                sup(ME, "Me", SupervisorMode.COACH)));
        assertThat(vm.myMode().get()).isEqualTo(SupervisorMode.COACH);
        assertThat(vm.participants()).hasSize(4);
        vm.interactionUpdated(ix("b", sup(ME, "Me", SupervisorMode.MONITOR)));
        assertThat(vm.myMode().get()).as("another interaction's update").isEqualTo(SupervisorMode.COACH);
    }

    @Test
    void anUpdateOfTheSelectedInteractionRereadsItsControlsWithoutViewingItAgain() {
        open("a", null, true, false, false, false);
        vm.interactionUpdated(ix("b", sup(ME, "Me", SupervisorMode.MONITOR)));
        assertThat(gateway.controlled).as("another interaction's update").isEmpty();
        vm.interactionUpdated(ix("a", sup("acme:sup2", "Other", SupervisorMode.COACH)));
        assertThat(gateway.controlled).containsExactly("a");
        assertThat(gateway.viewed).as("no second view, so no second VIEW in the journal").containsExactly("a");
        gateway.controls.get(0).complete(new ConsoleGateway.ControlsResult(controls(true, false, true, false), null));
        assertThat(vm.bargeInControl().enabled().get()).isTrue();
        assertThat(vm.coachControl().enabled().get()).isFalse();
    }

    @Test
    void anUpdateWhileAnActionRunsWaitsForItsAckInsteadOfRereadingTheControls() {
        open("a", null, true, false, false, false);
        vm.monitorCommand().execute();
        vm.interactionUpdated(ix("a", sup(ME, "Me", SupervisorMode.MONITOR)));
        assertThat(gateway.controlled).as("the ack brings the controls").isEmpty();
        gateway.acts.get(0).complete(new ConsoleGateway.ActionResult(null, controls(false, true, true, true)));
        assertThat(vm.coachControl().enabled().get()).isTrue();
        vm.interactionUpdated(ix("a", sup(ME, "Me", SupervisorMode.MONITOR), sup("acme:sup2", "Other",
                SupervisorMode.COACH)));
        assertThat(gateway.controlled).as("a change after the ack").containsExactly("a");
    }

    @Test
    void anEndedInteractionTurnsEveryControlOff() {
        open("a", SupervisorMode.COACH, true, true, true, true);
        vm.interactionEnded("b");
        assertThat(vm.monitorControl().enabled().get()).isTrue();
        vm.interactionEnded("a");
        assertThat(all()).allSatisfy(c -> {
            assertThat(c.enabled().get()).isFalse();
            assertThat(c.reason().get()).isEqualTo("the interaction has ended");
        });
        assertThat(vm.interaction().get().state()).isEqualTo(InteractionState.ENDED);
        assertThat(vm.myMode().get()).isNull();
        assertThat(vm.disconnectCommand().executable().get()).isFalse();
    }

    @Test
    void offlineTurnsEveryControlOffAndBackOnlineViewsAgain() {
        open("a", null, true, true, true, true);
        vm.online().set(false);
        assertThat(all()).allSatisfy(c -> {
            assertThat(c.enabled().get()).isFalse();
            assertThat(c.reason().get()).isEqualTo("offline: reconnecting to the gateway");
        });
        assertThat(vm.monitorCommand().executable().get()).isFalse();
        vm.online().set(true);
        assertThat(gateway.viewed).containsExactly("a", "a");
        gateway.lastView().complete(viewed(ix("a"), controls(true, false, false, false)));
        assertThat(vm.monitorControl().enabled().get()).isTrue();
        assertThat(vm.monitorCommand().executable().get()).isTrue();
    }

    @Test
    void aViewAnsweredWhileOfflineLeavesTheControlsOff() {
        vm.select("a");
        vm.online().set(false);
        gateway.lastView().complete(viewed(ix("a"), controls(true, true, true, true)));
        assertThat(all()).allSatisfy(c -> assertThat(c.enabled().get()).isFalse());
    }

    @Test
    void sendIsOnlyPossibleWhileCoachingOrBargedInWithADraft() {
        open("a", SupervisorMode.MONITOR, false, true, true, true);
        vm.draft().set("try the refund form");
        assertThat(vm.sendCommand().executable().get()).isFalse();
        vm.interactionUpdated(ix("a", sup(ME, "Me", SupervisorMode.COACH)));
        assertThat(vm.sendCommand().executable().get()).isTrue();
        vm.draft().set("   ");
        assertThat(vm.sendCommand().executable().get()).isFalse();
        vm.draft().set("  try the refund form ");
        vm.interactionUpdated(ix("a", sup(ME, "Me", SupervisorMode.BARGE_IN)));
        assertThat(vm.sendCommand().executable().get()).isTrue();
        vm.online().set(false);
        assertThat(vm.sendCommand().executable().get()).isFalse();
        vm.online().set(true);

        vm.sendCommand().execute();
        assertThat(gateway.sent).containsExactly("a:try the refund form");
        gateway.sends.get(0).complete(line("s1", "a", Speaker.SUPERVISOR, "try the refund form"));
        assertThat(vm.draft().get()).isEmpty();
        assertThat(lineIds()).containsExactly("s1");
    }

    @Test
    void theTranscriptHasEachLineOnceAndAtMost500() {
        open("a", null, true, true, true, true);
        vm.transcriptAppended(line("l0", "a", Speaker.CUSTOMER, "hi"));
        vm.transcriptAppended(line("l0", "a", Speaker.CUSTOMER, "hi"));
        vm.transcriptAppended(line("x", "b", Speaker.CUSTOMER, "elsewhere"));
        assertThat(lineIds()).containsExactly("l0");
        IntStream.rangeClosed(1, 510).forEach(n -> vm.transcriptAppended(line("l" + n, "a", Speaker.AGENT, "" + n)));
        assertThat(vm.transcript()).hasSize(500);
        assertThat(lineIds().get(0)).isEqualTo("l11");
        assertThat(lineIds().get(499)).isEqualTo("l510");
        vm.transcriptAppended(line("l300", "a", Speaker.AGENT, "again"));
        assertThat(vm.transcript()).hasSize(500);
    }

    @Test
    void linesThatArriveWhileTheViewLoadsFollowTheHistory() {
        vm.select("a");
        vm.transcriptAppended(line("l3", "a", Speaker.CUSTOMER, "live"));
        gateway.lastView().complete(viewed(ix("a"), controls(true, true, true, true),
                line("l1", "a", Speaker.CUSTOMER, "one"), line("l2", "a", Speaker.AGENT, "two"),
                line("l3", "a", Speaker.CUSTOMER, "live")));
        assertThat(lineIds()).containsExactly("l1", "l2", "l3");
    }

    @Test
    void aSendAnsweredAfterTheSelectionChangedDoesNotReachTheNewTranscript() {
        open("a", SupervisorMode.COACH, true, true, true, true);
        vm.draft().set("hold on");
        vm.sendCommand().execute();
        open("b", null, true, true, true, true);
        gateway.sends.get(0).complete(line("s1", "a", Speaker.SUPERVISOR, "hold on"));
        assertThat(vm.transcript()).isEmpty();
    }

    @Test
    void clearingTheSelectionUnviewsAndTurnsControlsOff() {
        open("a", null, true, true, true, true);
        vm.select(null);
        assertThat(gateway.unviews).isEqualTo(1);
        assertThat(vm.interaction().get()).isNull();
        assertThat(all()).allSatisfy(c -> assertThat(c.reason().get()).isEqualTo("select an interaction"));
        assertThat(vm.disconnectCommand().executable().get()).isFalse();
    }
}
