package io.huddle.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.agent.AgentViewModel.HelpAction;
import io.huddle.client.CommandException;
import io.huddle.client.FloorChange;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.InteractionState;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.TranscriptLine;
import io.huddle.protocol.EscalationDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.ui.UiThread;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentViewModelTest {
    static final Instant T0 = Instant.parse("2026-11-24T13:00:00Z");
    static final TenantSettings SETTINGS = new TenantSettings("acme", true, Set.of(Channel.values()),
            List.of("Customer escalation", "Technical issue"), false);

    final List<String> calls = new ArrayList<>();
    final List<CompletableFuture<HelpRequestDto>> answers = new ArrayList<>();
    final AgentViewModel vm = new AgentViewModel(UiThread.direct(), new AgentGateway() {
        @Override
        public CompletableFuture<HelpRequestDto> requestHelp(String interactionId, String reason, String comment) {
            return call("request " + interactionId + " / " + reason + " / " + comment);
        }

        @Override
        public CompletableFuture<HelpRequestDto> cancel(String helpRequestId) {
            return call("cancel " + helpRequestId);
        }

        @Override
        public CompletableFuture<HelpRequestDto> close(String helpRequestId) {
            return call("close " + helpRequestId);
        }
    });

    CompletableFuture<HelpRequestDto> call(String what) {
        calls.add(what);
        CompletableFuture<HelpRequestDto> f = new CompletableFuture<>();
        answers.add(f);
        return f;
    }

    static InteractionDto ix(String id) {
        return new InteractionDto(id, Channel.CHAT, InteractionState.ACTIVE, "acme:ana", "Ana", "Maria " + id,
                "Billing", T0, null, false, List.of());
    }

    static HelpRequestDto help(String id, String ixId, HelpRequestStatus status) {
        boolean taken = status != HelpRequestStatus.PENDING && status != HelpRequestStatus.CANCELLED;
        return new HelpRequestDto(id, ixId, "acme:ana", "Ana", status, "Technical issue", null, List.of("acme:sam"),
                taken ? "acme:sam" : null, taken ? "Sam Sup" : null, T0, null, null, null, null);
    }

    static FloorChange helpChange(HelpRequestDto... r) {
        return new FloorChange(false, List.of(), List.of(), List.of(r), List.of(), List.of(), List.of(), null);
    }

    static TranscriptLineDto line(String id, TranscriptLine.Speaker from) {
        return new TranscriptLineDto(id, "ix1", T0, from, from.name(), "text " + id, TranscriptLine.Audience.AGENT);
    }

    @BeforeEach
    void signedIn() {
        vm.online().set(true);
        vm.apply(new FloorChange(true, List.of(ix("ix1"), ix("ix2")), List.of(), List.of(), List.of(), List.of(),
                List.of(), SETTINGS));
    }

    @Test
    void theHelpButtonFollowsTheRequestOnTheSelectedInteraction() {
        assertThat(vm.selected().get().id()).isEqualTo("ix1");
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.REQUEST);
        assertThat(vm.status().get()).isEqualTo("No help request.");
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.PENDING)));
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.CANCEL);
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.IN_PROGRESS)));
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.CLOSE);
        vm.selected().set(vm.interactions().get(1));
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.REQUEST);
        vm.selected().set(vm.interactions().get(0));
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.CLOSED)));
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.REQUEST);
        vm.apply(new FloorChange(true, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null));
        assertThat(vm.selected().get()).isNull();
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.NONE);
        assertThat(vm.status().get()).isEqualTo("No active interaction.");
    }

    @Test
    void theStatusSaysHowLongIHaveWaitedAndWhoIsHelping() {
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.PENDING)));
        vm.tick(T0.plusSeconds(65));
        assertThat(vm.status().get()).isEqualTo("Help requested 1:05 ago. Your supervisors have your request.");
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.IN_PROGRESS)));
        assertThat(vm.status().get()).isEqualTo("In progress: Sam Sup is helping you.");
    }

    private static HelpRequestDto pending(EscalationDto... steps) {
        HelpRequestDto r = help("h1", "ix1", HelpRequestStatus.PENDING);
        return new HelpRequestDto(r.id(), r.interactionId(), r.agentId(), r.agentName(), r.status(), r.reason(),
                r.comment(), r.assignedTo(), null, null, r.createdAt(), null, null, null, null, List.of(steps));
    }

    private static EscalationDto step(String step, long atSecond, List<String> assigned, List<String> notified) {
        return new EscalationDto(step, T0.plusSeconds(atSecond), assigned, notified);
    }

    @Test
    void theStatusSaysInWordsWhatHappensToMyRequestStepByStep() {
        EscalationDto routed = step("routed", 0, List.of("acme:sam", "acme:sue"), List.of("acme:sam", "acme:sue"));
        vm.apply(helpChange(pending(routed)));
        vm.tick(T0.plusSeconds(12));
        assertThat(vm.status().get()).isEqualTo("Help requested 0:12 ago. 2 supervisors notified.");

        EscalationDto reminded = step("reminded", 30, List.of("acme:sam", "acme:sue"), List.of("acme:sam"));
        vm.apply(helpChange(pending(routed, reminded)));
        assertThat(vm.status().get()).endsWith(" ago. 1 supervisor reminded.");

        EscalationDto breached = step("breached", 60, List.of("acme:sam", "acme:sue"), List.of("acme:sam"));
        vm.apply(helpChange(pending(routed, reminded, breached)));
        assertThat(vm.status().get()).endsWith(" ago. 1 supervisor reminded: it is taking longer than usual.");

        EscalationDto escalated = step("escalated", 90, List.of("acme:lee"), List.of("acme:lee"));
        vm.apply(helpChange(pending(routed, reminded, breached, escalated)));
        vm.tick(T0.plusSeconds(95));
        assertThat(vm.status().get()).isEqualTo(
                "Help requested 1:35 ago. Escalated to 1 more supervisor: it is taking longer than usual.");
    }

    @Test
    void anEscalationSaysHowManyMoreSupervisorsItReachedNotWhichKindOfGroup() {
        EscalationDto routed = step("routed", 0, List.of("acme:sam"), List.of("acme:sam"));
        // named supervisors or leads: the step does not say which, so the words count whom it added
        vm.apply(helpChange(pending(routed, step("escalated", 90, List.of("acme:sue", "acme:sid"),
                List.of("acme:sue")))));
        assertThat(vm.status().get()).endsWith(" ago. Escalated to 2 more supervisors.");
        assertThat(vm.status().get()).doesNotContain("leads");

        vm.apply(helpChange(pending(routed, step("escalated", 90, List.of(), List.of()))));
        assertThat(vm.status().get()).endsWith(" ago. No more supervisors to escalate to.");
    }

    @Test
    void whenNobodyWasToldTheStatusSaysNoSupervisorIsAvailableAndTheRequestStaysOpen() {
        vm.apply(helpChange(pending(step("routed", 0, List.of("acme:sam"), List.of()),
                step("escalated", 0, List.of("acme:lee"), List.of()))));
        assertThat(vm.status().get()).endsWith(" ago. No supervisor is available now: your request stays open.");
        assertThat(vm.status().get()).doesNotContainIgnoringCase("pending");
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.CANCEL);
    }

    @Test
    void aRequestSendsTheSelectedInteractionTheReasonAndTheComment() {
        vm.selected().set(vm.interactions().get(1));
        vm.reason().set("Technical issue");
        vm.comment().set("the refund form is down");
        vm.requestCommand().execute();
        vm.requestCommand().execute();
        assertThat(calls).containsExactly("request ix2 / Technical issue / the refund form is down");
        assertThat(vm.requestCommand().running().get()).isTrue();
        answers.get(0).complete(help("h9", "ix2", HelpRequestStatus.PENDING));
        assertThat(vm.comment().get()).isEmpty();
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.CANCEL);
        assertThat(vm.request().get().id()).isEqualTo("h9");
    }

    @Test
    void aFailedRequestKeepsTheComment() {
        vm.comment().set("please");
        vm.requestCommand().execute();
        answers.get(0).completeExceptionally(new CommandException("conflict", "a request is already open"));
        assertThat(vm.comment().get()).isEqualTo("please");
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.REQUEST);
        assertThat(vm.requestCommand().error().get()).isEqualTo("Request help failed: a request is already open");
    }

    @Test
    void cancellingSaysSo() {
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.PENDING)));
        vm.cancelCommand().execute();
        assertThat(calls).containsExactly("cancel h1");
        answers.get(0).complete(help("h1", "ix1", HelpRequestStatus.CANCELLED));
        assertThat(vm.alert().get()).isEqualTo("Your help request was cancelled.");
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.REQUEST);
        vm.dismissAlert();
        assertThat(vm.alert().get()).isNull();
    }

    @Test
    void afterClosingANewRequestIsPossibleAtOnceOnTheSameInteraction() {
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.IN_PROGRESS)));
        assertThat(vm.requestCommand().executable().get()).isFalse();
        vm.closeCommand().execute();
        answers.get(0).complete(help("h1", "ix1", HelpRequestStatus.CLOSED));
        assertThat(vm.alert().get()).isEqualTo("Help request closed. You can ask for help again at any time.");
        assertThat(vm.helpAction().get()).isEqualTo(HelpAction.REQUEST);
        assertThat(vm.requestCommand().executable().get()).isTrue();
        vm.requestCommand().execute();
        assertThat(calls).containsExactly("close h1", "request ix1 / Customer escalation / ");
        answers.get(1).complete(help("h2", "ix1", HelpRequestStatus.PENDING));
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.CLOSED)));
        assertThat(vm.request().get().id()).as("the old request's late event").isEqualTo("h2");
    }

    @Test
    void onlySupervisorAndSystemLinesAreShown() {
        vm.apply(new FloorChange(false, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(line("1", TranscriptLine.Speaker.CUSTOMER), line("2", TranscriptLine.Speaker.SUPERVISOR),
                        line("3", TranscriptLine.Speaker.AGENT), line("4", TranscriptLine.Speaker.SYSTEM)), null));
        assertThat(vm.supervisorLines()).extracting(TranscriptLineDto::id).containsExactly("2", "4");
    }

    @Test
    void thePickersDurationsMoveOnWithTheClock() {
        List<Instant> heard = new ArrayList<>();
        vm.now().addListener((o, a, b) -> heard.add(b));
        vm.tick(T0.plusSeconds(35));
        assertThat(vm.label(ix("ix1"))).isEqualTo("Chat · Maria ix1 · 0:35");
        vm.tick(T0.plusSeconds(36));
        assertThat(vm.label(ix("ix1"))).isEqualTo("Chat · Maria ix1 · 0:36");
        vm.tick(T0.plusSeconds(3600 + 62));
        assertThat(vm.label(ix("ix1"))).isEqualTo("Chat · Maria ix1 · 1:01:02");
        assertThat(heard).as("each tick is heard, for the cells to redraw").hasSize(3);
        vm.tick(T0.minusSeconds(5));
        assertThat(vm.label(ix("ix1"))).as("a clock a little behind the gateway's").endsWith(" · 0:00");
    }

    @Test
    void aSupervisorsLineSaysWhoAndWhoElseSeesIt() {
        TranscriptLineDto whisper = new TranscriptLineDto("1", "ix1", T0, TranscriptLine.Speaker.SUPERVISOR, "Sam Sup",
                "Offer the credit", TranscriptLine.Audience.AGENT);
        TranscriptLineDto barged = new TranscriptLineDto("2", "ix1", T0, TranscriptLine.Speaker.SUPERVISOR, "Sam Sup",
                "Hello, I'm Ana's supervisor", TranscriptLine.Audience.ALL);
        TranscriptLineDto joined = new TranscriptLineDto("3", "ix1", T0, TranscriptLine.Speaker.SYSTEM, "Huddle",
                "Sam Sup joined the conversation", TranscriptLine.Audience.ALL);
        assertThat(AgentViewModel.lineFrom(whisper)).isEqualTo("Sam Sup · coaching, only you see this");
        assertThat(AgentViewModel.lineFrom(barged)).isEqualTo("Sam Sup · to you and the customer");
        assertThat(AgentViewModel.lineFrom(joined)).isNull();
    }

    @Test
    void reasonsComeFromTheTenantSettings() {
        assertThat(vm.reasons()).containsExactly("Customer escalation", "Technical issue");
        assertThat(vm.reason().get()).isEqualTo("Customer escalation");
        vm.reason().set("Technical issue");
        vm.apply(new FloorChange(false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new TenantSettings("acme", true, Set.of(), List.of("Technical issue", "Other"), false)));
        assertThat(vm.reasons()).containsExactly("Technical issue", "Other");
        assertThat(vm.reason().get()).isEqualTo("Technical issue");
        vm.apply(new FloorChange(false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new TenantSettings("acme", true, Set.of(), List.of("Billing dispute", "Other"), false)));
        assertThat(vm.reason().get()).as("a reason no longer offered").isEqualTo("Billing dispute");
    }

    @Test
    void offlineTurnsEveryCommandOff() {
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.PENDING)));
        vm.online().set(false);
        assertThat(vm.commands()).allSatisfy(c -> assertThat(c.executable().get()).isFalse());
        vm.cancelCommand().execute();
        assertThat(calls).isEmpty();
        assertThat(vm.status().get()).endsWith(" (offline: reconnecting…)");
        vm.apply(helpChange(help("h1", "ix1", HelpRequestStatus.CANCELLED)));
        assertThat(vm.requestCommand().executable().get()).isFalse();
        vm.online().set(true);
        assertThat(vm.requestCommand().executable().get()).isTrue();
        assertThat(vm.status().get()).isEqualTo("No help request.");
    }
}
