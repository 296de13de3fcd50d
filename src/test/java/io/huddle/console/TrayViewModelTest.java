package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.T0;
import static io.huddle.console.ConsoleFixtures.help;
import static io.huddle.console.ConsoleFixtures.ix;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.CommandException;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.UiThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrayViewModelTest {
    static final String OTHER = "acme:sup2";
    final ConsoleFixtures.FakeGateway gateway = new ConsoleFixtures.FakeGateway();
    final Map<String, InteractionDto> floor = Map.of("ix1",
            ix("ix1", Channel.CHAT, "Ana Agent", "Maria Silva", "Billing", true));
    final List<HelpRequestDto> opened = new ArrayList<>();

    TrayViewModel tray(UiThread ui) {
        TrayViewModel t = new TrayViewModel(ME, ui, gateway, floor::get);
        t.onAccepted(opened::add);
        return t;
    }

    final TrayViewModel vm = tray(UiThread.direct());

    static HelpRequestDto pending(String id, int minute, String... assigned) {
        return help(id, "ix1", HelpRequestStatus.PENDING, T0.plusSeconds(60L * minute), assigned);
    }

    List<String> ids() {
        return vm.items().stream().map(TrayItem::id).toList();
    }

    @Test
    void onlyPendingRequestsAssignedToMeAppearOldestFirst() {
        vm.replaceAll(List.of(pending("h3", 3, ME, OTHER), pending("h-other", 0, OTHER),
                help("h-taken", "ix1", HelpRequestStatus.IN_PROGRESS, T0, ME), pending("h1", 1, ME),
                pending("h-nobody", 0)));
        assertThat(ids()).containsExactly("h1", "h3");
        vm.apply(pending("h0", 0, ME));
        vm.apply(pending("h2", 2, OTHER, ME));
        vm.apply(pending("h9", 9, OTHER));
        assertThat(ids()).containsExactly("h0", "h1", "h2", "h3");
        assertThat(vm.badge().get()).isEqualTo(4);
        assertThat(vm.item("h1").interactionLabel()).isEqualTo("Chat with Maria Silva · Billing");
        vm.apply(help("h5", "ix-unknown", HelpRequestStatus.PENDING, T0.plusSeconds(600), ME));
        assertThat(vm.item("h5").interactionLabel()).isEqualTo("ix-unknown");
    }

    @Test
    void aRequestThatIsTakenOrCancelledLeavesTheTray() {
        vm.replaceAll(List.of(pending("h1", 1, ME), pending("h2", 2, ME)));
        vm.apply(help("h1", "ix1", HelpRequestStatus.IN_PROGRESS, T0, ME));
        vm.apply(help("h2", "ix1", HelpRequestStatus.CANCELLED, T0, ME));
        assertThat(ids()).isEmpty();
        assertThat(vm.badge().get()).isZero();
        assertThat(vm.notices()).isEmpty();
    }

    @Test
    void cancelledAndAcceptedNotificationsRemoveTheRequestAndLeaveANotice() {
        vm.replaceAll(List.of(pending("h1", 1, ME), pending("h2", 2, ME), pending("h3", 3, ME)));
        vm.notification("help.cancelled", "h1", "Ana Agent cancelled her help request.");
        vm.notification("help.accepted", "h2", "Sam Sup is helping Ana Agent.");
        vm.notification("help.assigned", "h3", "A new help request.");
        assertThat(ids()).containsExactly("h3");
        assertThat(vm.notices()).containsExactly("Sam Sup is helping Ana Agent.",
                "Ana Agent cancelled her help request.");
    }

    @Test
    void theSupervisorHelpingIsToldWhenTheAgentClosesTheRequest() {
        vm.apply(new HelpRequestDto("h1", "ix1", "acme:agent", "Ana Agent", HelpRequestStatus.CLOSED, "Policy question",
                null, List.of(ME), ME, "Me", T0, T0, T0, null, HelpRequest.EndReason.AGENT_CLOSED));
        vm.apply(new HelpRequestDto("h2", "ix1", "acme:agent", "Ana Agent", HelpRequestStatus.CLOSED, "Policy question",
                null, List.of(ME), OTHER, "Sam Sup", T0, T0, T0, null, HelpRequest.EndReason.AGENT_CLOSED));
        vm.apply(new HelpRequestDto("h3", "ix1", "acme:agent", "Ana Agent", HelpRequestStatus.CLOSED, "Policy question",
                null, List.of(ME), ME, "Me", T0, T0, T0, null, HelpRequest.EndReason.INTERACTION_ENDED));
        assertThat(vm.notices()).containsExactly("The help request of Ana Agent ended with the interaction",
                "Ana Agent closed their help request");
    }

    @Test
    void onlyLiveAdditionsAreArrivals() {
        vm.replaceAll(List.of(pending("h1", 1, ME)));
        assertThat(vm.arrivals()).isEmpty();
        vm.apply(pending("h2", 2, ME));
        vm.apply(pending("h2", 2, ME));
        vm.apply(pending("h3", 3, OTHER));
        assertThat(vm.arrivals()).extracting(TrayItem::id).containsExactly("h2");
    }

    @Test
    void confirmIsRunningWhileInFlightAndASecondPressSendsNothing() {
        vm.replaceAll(List.of(pending("h1", 1, ME)));
        AsyncCommand<HelpRequestDto> confirm = vm.item("h1").confirm();
        assertThat(confirm.executable().get()).isTrue();
        confirm.execute();
        assertThat(confirm.running().get()).isTrue();
        assertThat(confirm.executable().get()).isFalse();
        confirm.execute();
        assertThat(gateway.accepted).containsExactly("h1");
        assertThat(ids()).containsExactly("h1");
    }

    @Test
    void aSnapshotDuringAConfirmKeepsTheCommandInFlight() {
        vm.replaceAll(List.of(pending("h1", 1, ME), pending("h2", 2, ME)));
        TrayItem item = vm.item("h1");
        item.confirm().execute();
        vm.replaceAll(List.of(pending("h1", 1, ME), pending("h3", 3, ME)));
        assertThat(ids()).containsExactly("h1", "h3");
        assertThat(vm.item("h1")).isSameAs(item);
        vm.item("h1").confirm().execute();
        assertThat(gateway.accepted).containsExactly("h1");
    }

    @Test
    void aConfirmedRequestLeavesTheTrayAndIsOpened() {
        vm.replaceAll(List.of(pending("h1", 1, ME), pending("h2", 2, ME)));
        vm.item("h1").confirm().execute();
        HelpRequestDto accepted = help("h1", "ix1", HelpRequestStatus.IN_PROGRESS, T0, ME);
        gateway.accepts.get(0).complete(accepted);
        assertThat(ids()).containsExactly("h2");
        assertThat(opened).containsExactly(accepted);
    }

    @Test
    void aFailedConfirmKeepsTheRequestAndSaysWhy() {
        vm.replaceAll(List.of(pending("h1", 1, ME)));
        AsyncCommand<HelpRequestDto> confirm = vm.item("h1").confirm();
        confirm.execute();
        gateway.accepts.get(0).completeExceptionally(
                new CommandException("conflict", "Sam Sup accepted this request first"));
        assertThat(ids()).containsExactly("h1");
        assertThat(opened).isEmpty();
        assertThat(confirm.running().get()).isFalse();
        assertThat(confirm.error().get()).isEqualTo("Confirm failed: Sam Sup accepted this request first");
    }

    @Test
    void offlineConfirmIsNotExecutable() {
        vm.replaceAll(List.of(pending("h1", 1, ME)));
        vm.online().set(false);
        AsyncCommand<HelpRequestDto> confirm = vm.item("h1").confirm();
        assertThat(confirm.executable().get()).isFalse();
        confirm.execute();
        assertThat(gateway.accepted).isEmpty();
        vm.online().set(true);
        assertThat(confirm.executable().get()).isTrue();
    }

    @Test
    void noAnswerWithinTheTimeoutKeepsTheRequestAndSaysTheGatewayDidNotAnswer() throws Exception {
        LinkedBlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();
        TrayViewModel t = tray(posted::add);
        t.replaceAll(List.of(pending("h1", 1, ME)));
        AsyncCommand<HelpRequestDto> confirm = t.item("h1").confirm();
        confirm.execute();
        gateway.accepts.get(0).completeExceptionally(new CommandException(CommandException.TIMEOUT,
                "the gateway did not answer 'help.accept' within 10 s; it may or may not have been applied"));
        Runnable finish = posted.poll(5, TimeUnit.SECONDS);
        assertThat(finish).as("the gateway's deadline passed").isNotNull();
        finish.run();
        assertThat(confirm.running().get()).isFalse();
        assertThat(confirm.error().get()).contains("the gateway did not answer 'help.accept' within 10 s");
        assertThat(t.items()).extracting(TrayItem::id).containsExactly("h1");
        assertThat(opened).isEmpty();
    }

    static HelpRequestDto withSteps(HelpRequestDto r, io.huddle.protocol.EscalationDto... steps) {
        return new HelpRequestDto(r.id(), r.interactionId(), r.agentId(), r.agentName(), r.status(), r.reason(),
                r.comment(), r.assignedTo(), null, null, r.createdAt(), null, null, null, null, List.of(steps));
    }

    static io.huddle.protocol.EscalationDto step(String step, String... assigned) {
        return new io.huddle.protocol.EscalationDto(step, T0, List.of(assigned), List.of(assigned));
    }

    @Test
    void aRemindedRequestIsMarkedOverdueAndItsNoticeComesBackWithTheSound() {
        List<String> sounds = new ArrayList<>();
        vm.onReminder(() -> sounds.add("beep"));
        ToastViewModel toast = new ToastViewModel(vm);
        HelpRequestDto h1 = pending("h1", 0, ME);
        vm.apply(withSteps(h1, step("routed", ME)));
        assertThat(vm.item("h1").overdue().get()).isFalse();
        assertThat(vm.item("h1").ladder().get()).isNull();
        toast.dismiss();
        toast.tick();

        vm.apply(withSteps(h1, step("routed", ME), step("reminded", ME)));
        vm.notification("help.reminded", "h1", "Reminder: Ana Agent has waited 30 s for help: Policy question");

        assertThat(vm.item("h1").overdue().get()).isTrue();
        assertThat(vm.item("h1").ladder().get()).isEqualTo("Overdue: still waiting");
        assertThat(toast.showing().get()).isTrue();
        assertThat(toast.title().get()).isEqualTo("Ana Agent — Overdue: still waiting");
        assertThat(sounds).hasSize(1);
        assertThat(vm.notices().get(0)).startsWith("Reminder: Ana Agent has waited 30 s");
        vm.notification("help.reminded", "h-not-mine", "Reminder: someone else's");
        assertThat(sounds).hasSize(1);
    }

    @Test
    void aRequestEscalatedToMeSaysSoAndOneEscalatedToOthersSaysHowManyMore() {
        vm.apply(withSteps(pending("h1", 0, OTHER, ME), step("routed", OTHER), step("escalated", ME)));
        vm.apply(withSteps(pending("h2", 1, ME, "acme:lead"), step("routed", ME), step("breached", ME),
                step("escalated", "acme:lead")));
        // named supervisors or leads: the step does not say which, so the words count whom it added
        vm.apply(withSteps(pending("h3", 2, ME, "acme:sue", "acme:sid"), step("routed", ME),
                step("escalated", "acme:sue", "acme:sid")));
        vm.apply(withSteps(pending("h4", 3, ME), step("routed", ME), step("breached", ME), step("escalated")));
        assertThat(vm.item("h1").ladder().get()).isEqualTo("Escalated to you");
        assertThat(vm.item("h1").overdue().get()).isFalse();
        assertThat(vm.item("h2").ladder().get())
                .isEqualTo("Overdue: past the service level · escalated to 1 more supervisor");
        assertThat(vm.item("h2").overdue().get()).isTrue();
        assertThat(vm.item("h3").ladder().get()).isEqualTo("Escalated to 2 more supervisors");
        assertThat(vm.item("h4").ladder().get())
                .isEqualTo("Overdue: past the service level · no more supervisors to escalate to");
    }

    @Test
    void whileBusyNewRequestsComeIntoTheTrayWithoutANotice() {
        vm.quiet().set(true);
        vm.apply(pending("h1", 0, ME));
        assertThat(ids()).containsExactly("h1");
        assertThat(vm.arrivals()).isEmpty();
        vm.notification("help.reminded", "h1", "Reminder");
        assertThat(vm.arrivals()).extracting(TrayItem::id).containsExactly("h1");
    }
}
