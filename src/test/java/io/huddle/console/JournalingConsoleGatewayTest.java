package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.client.CommandException;
import io.huddle.client.Deadline;
import io.huddle.client.FloorState;
import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TenantSettings;
import io.huddle.journal.Journal;
import io.huddle.journal.JournalScope;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.JournalCanonical;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.Json;
import io.huddle.protocol.ParticipantDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.stream.ServerFrame;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.UiThread;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journaling decorator: intent committed before the command, outcome after, digests instead of text. */
class JournalingConsoleGatewayTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final JournalScope ME = new JournalScope("acme", "support", "acme:supervisor1");
    private static final Instant ACKED = Instant.parse("2026-11-25T09:52:01.120Z");

    @TempDir
    Path dir;
    Journal journal;
    FloorState floor = new FloorState();
    Fake fake = new Fake();
    JournalingConsoleGateway gateway;

    @BeforeEach
    void open() {
        journal = Journal.open(dir.resolve("j.db"), ME, Clock.systemUTC());
        gateway = new JournalingConsoleGateway(fake, journal, ME, floor);
        floor(false, SupervisorMode.COACH);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void theIntentIsCommittedBeforeTheCommandAndTheOutcomeQueuedBeforeTheAnswer() throws Exception {
        CompletableFuture<ConsoleGateway.ActionResult> result = gateway.act("ix-1", ActionType.COACH, "hr-1");
        awaitCalls(1);
        JournalEntry intent = fake.lastEntryAtCall.get(0);
        assertThat(intent.phase()).isEqualTo("INTENT");
        assertThat(intent.action()).isEqualTo("COACH");
        assertThat(intent.agentId()).isEqualTo("acme:agent2");
        assertThat(intent.interactionId()).isEqualTo("ix-1");
        assertThat(intent.helpRequestId()).isEqualTo("hr-1");
        assertThat(journal.lastSeq()).isEqualTo(1);
        ActionDto action = new ActionDto("act-9", ActionType.COACH, ME.supervisorId(), "acme:agent2", "ix-1", "hr-1",
                ACKED.minusMillis(1), null);
        fake.answers.get(0).complete(new ConsoleGateway.ActionResult(action, null, ACKED));
        result.get(5, TimeUnit.SECONDS);
        recorded(2);
        JournalEntry outcome = entries().get(1);
        assertThat(outcome.phase()).isEqualTo("OUTCOME");
        assertThat(outcome.outcome()).isEqualTo("ACK");
        assertThat(outcome.intentId()).isEqualTo(intent.id());
        assertThat(outcome.gatewayTime()).isEqualTo(ACKED.toEpochMilli());
        assertThat(outcome.gatewayRef()).isEqualTo("act-9");
        assertThat(outcome.prevHash()).isEqualTo(intent.hash());
    }

    @Test
    void aMessageIsKeptAsADigestUnlessTheTenantStoresText() throws Exception {
        CompletableFuture<TranscriptLineDto> sent = gateway.send("ix-1", "refund approved, card 4111");
        awaitCalls(1);
        fake.answers.get(0).complete(new TranscriptLineDto("ln-1", "ix-1", ACKED, null, "Supervisor One", "x", null));
        sent.get(5, TimeUnit.SECONDS);
        recorded(2);
        for (JournalEntry e : entries()) {
            assertThat(e.action()).isEqualTo("COACH_MESSAGE");
            assertThat(e.text()).isNull();
            assertThat(e.textDigest()).isEqualTo(JournalCanonical.digestText("refund approved, card 4111"));
            assertThat(JournalCanonical.text(e)).as("ids and digests are hex, the text is not").doesNotContain("refund approved");
        }
        assertThat(entries().get(1).gatewayRef()).isEqualTo("ln-1");

        floor(true, SupervisorMode.BARGE_IN);
        CompletableFuture<TranscriptLineDto> kept = gateway.send("ix-1", "hello everyone");
        awaitCalls(2);
        fake.answers.get(1).complete(new TranscriptLineDto("ln-2", "ix-1", ACKED, null, "Supervisor One", "x", null));
        kept.get(5, TimeUnit.SECONDS);
        recorded(4);
        JournalEntry intent = entries().get(2);
        assertThat(intent.action()).isEqualTo("BARGE_MESSAGE");
        assertThat(intent.text()).isEqualTo("hello everyone");
        assertThat(entries().get(3).text()).as("the outcome does not repeat the text").isNull();
    }

    @Test
    void aRefusalIsAnErrorAndNoAnswerATimeout() throws Exception {
        CompletableFuture<HelpRequestDto> refused = gateway.accept("hr-1");
        awaitCalls(1);
        assertThat(fake.lastEntryAtCall.get(0).interactionId()).isEqualTo("ix-1");
        fake.answers.get(0).completeExceptionally(new CommandException("conflict", "already accepted by Supervisor Two"));
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CommandException.class);
        recorded(2);
        JournalEntry error = entries().get(1);
        assertThat(error.outcome()).isEqualTo("ERROR");
        assertThat(error.errorCode()).isEqualTo("conflict");
        assertThat(error.detail()).contains("Supervisor Two");

        CompletableFuture<ConsoleGateway.ViewResult> lost = gateway.view("ix-1");
        awaitCalls(2);
        fake.answers.get(1).completeExceptionally(new CommandException(CommandException.TIMEOUT, "no answer"));
        assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        recorded(4);
        assertThat(entries().get(3).outcome()).isEqualTo("TIMEOUT");
        assertThat(entries().get(2).action()).isEqualTo("VIEW");
    }

    @Test
    void refreshingTheControlsIsAReadAndNotJournaled() throws Exception {
        CompletableFuture<ConsoleGateway.ControlsResult> r = gateway.controls("ix-1");
        awaitCalls(1);
        fake.answers.get(0).complete(new ConsoleGateway.ControlsResult(null, null));
        r.get(5, TimeUnit.SECONDS);
        assertThat(journal.lastSeq()).isZero();
    }

    @Test
    void aCommandWhoseIntentCannotBeRecordedIsNotSent() {
        journal.close();
        CompletableFuture<ConsoleGateway.ActionResult> r = gateway.act("ix-1", ActionType.MONITOR, null);
        assertThatThrownBy(() -> r.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CommandException.class)
                .hasMessageContaining("not sent");
        assertThat(fake.answers).isEmpty();
    }

    @Test
    void theJournalAndTheGatewaySpendFromOneDeadlineCountedFromTheCall() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        JournalingConsoleGateway timed = new JournalingConsoleGateway(fake, journal, ME, floor,
                () -> Deadline.after(Duration.ofSeconds(10), now::get));
        CompletableFuture<ConsoleGateway.ActionResult> r = timed.act("ix-1", ActionType.MONITOR, null);
        now.addAndGet(Duration.ofSeconds(4).toNanos()); // the intent's commit "took" 4 s
        awaitCalls(1);
        assertThat(fake.deadlines).hasSize(1);
        assertThat(fake.deadlines.get(0).remainingNanos()).as("the send gets what is left, not a fresh 10 s")
                .isEqualTo(Duration.ofSeconds(6).toNanos());
        fake.answers.get(0).complete(new ConsoleGateway.ActionResult(null, null, ACKED));
        r.get(5, TimeUnit.SECONDS);
    }

    /**
     * The screen said "failed" while the command was still going out: a late ack was then journaled as ACK.
     * Here the journal's writer is held past the deadline: the person is told it was not sent, it is not sent,
     * and the journal says the same once the intent commits.
     */
    @Test
    void anIntentRecordedAfterTheDeadlineIsNotSentAndTheJournalSaysWhatThePersonWasTold() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean(true);
        journal.onCommit(() -> {
            if (hold.getAndSet(false)) {
                held.countDown();
                await(release); // the writer thread stops after this commit: what follows queues behind it
            }
        });
        journal.append(io.huddle.journal.JournalRecord.signedIn(ME));
        await(held);
        fake.answerAtOnce = true;
        JournalingConsoleGateway timed = new JournalingConsoleGateway(fake, journal, ME, floor,
                () -> Deadline.after(Duration.ofMillis(200)));
        AsyncCommand<ConsoleGateway.ActionResult> barge = new AsyncCommand<>("Barge in", UiThread.direct(),
                new javafx.beans.property.SimpleBooleanProperty(true),
                () -> timed.act("ix-1", ActionType.BARGE_IN, "hr-1"), r -> { });
        barge.execute();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !barge.running().get());
        assertThat(barge.error().get()).startsWith("Barge in failed: BARGE_IN was not sent");

        release.countDown();
        recorded(3);
        JournalEntry outcome = entries().get(2);
        assertThat(entries().get(1).phase()).isEqualTo("INTENT");
        assertThat(outcome.intentId()).isEqualTo(entries().get(1).id());
        assertThat(outcome.outcome()).isEqualTo("ERROR");
        assertThat(outcome.errorCode()).isEqualTo(CommandException.NOT_SENT);
        assertThat(fake.answers).as("nothing went to the gateway").isEmpty();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theAcksServerTimeReachesTheResults() throws Exception {
        ConsoleGateway.ViewResult v = JSON.readValue("{\"serverTime\":\"2026-11-25T09:52:01.120Z\"}",
                ConsoleGateway.ViewResult.class);
        assertThat(v.serverTime()).isEqualTo(ACKED);
        assertThat(new ConsoleGateway.ActionResult(null, null).serverTime()).isNull();
    }

    private List<JournalEntry> entries() {
        return journal.entriesAfter(0, 100, Integer.MAX_VALUE);
    }

    /** The outcome is committed right after the answer is handed on: waits for the journal to hold n entries. */
    private void recorded(int n) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> journal.lastSeq() >= n);
        assertThat(journal.lastSeq()).isEqualTo(n);
    }

    private void awaitCalls(int n) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> fake.answers.size() >= n);
    }

    private void floor(boolean storeText, SupervisorMode mode) {
        ParticipantDto me = new ParticipantDto(ME.supervisorId(), "Supervisor One", Participant.Kind.SUPERVISOR, mode,
                null, ACKED);
        InteractionDto ix = new InteractionDto("ix-1", Channel.CHAT, InteractionState.ACTIVE, "acme:agent2",
                "Agent Two", "Customer", "Billing", ACKED, null, true, List.of(me));
        HelpRequestDto hr = new HelpRequestDto("hr-1", "ix-1", "acme:agent2", "Agent Two", HelpRequestStatus.PENDING,
                "Billing dispute", null, List.of(ME.supervisorId()), null, null, ACKED, null, null, null, null);
        TenantSettings settings = new TenantSettings("acme", true, Set.of(Channel.values()), List.of("Other"),
                storeText);
        floor.applySnapshot(new ServerFrame.Snapshot(0L, List.of(ix), List.of(hr), settings));
    }

    /** Answers each command with a future the test completes; notes the journal's last entry at each call. */
    private final class Fake implements ConsoleGateway {
        final java.util.List<io.huddle.domain.Presence> presences = new java.util.ArrayList<>();

        @Override
        public CompletableFuture<io.huddle.domain.Presence> presence(io.huddle.domain.Presence presence) {
            presences.add(presence);
            return CompletableFuture.completedFuture(presence);
        }

        final List<CompletableFuture<Object>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<JournalEntry> lastEntryAtCall = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Deadline> deadlines = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean answerAtOnce;

        @Override
        public ConsoleGateway within(Deadline deadline) {
            deadlines.add(deadline);
            return this;
        }

        @SuppressWarnings("unchecked")
        private <T> CompletableFuture<T> call() {
            if (answerAtOnce) { // as a gateway that acks at once would
                answers.add(CompletableFuture.completedFuture(null));
                return (CompletableFuture<T>) CompletableFuture.completedFuture(
                        new ConsoleGateway.ActionResult(null, null, ACKED));
            }
            List<JournalEntry> all = journal.entriesAfter(0, 1000, Integer.MAX_VALUE);
            lastEntryAtCall.add(all.get(all.size() - 1));
            CompletableFuture<Object> f = new CompletableFuture<>();
            answers.add(f);
            return (CompletableFuture<T>) (CompletableFuture<?>) f;
        }

        @Override
        public CompletableFuture<ViewResult> view(String interactionId) {
            return call();
        }

        @Override
        public CompletableFuture<ControlsResult> controls(String interactionId) {
            CompletableFuture<Object> f = new CompletableFuture<>();
            answers.add(f);
            return f.thenApply(ControlsResult.class::cast);
        }

        @Override
        public CompletableFuture<Void> unview() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<HelpRequestDto> accept(String helpRequestId) {
            return call();
        }

        @Override
        public CompletableFuture<ActionResult> act(String interactionId, ActionType action, String helpRequestId) {
            return call();
        }

        @Override
        public CompletableFuture<TranscriptLineDto> send(String interactionId, String text) {
            return call();
        }
    }
}
