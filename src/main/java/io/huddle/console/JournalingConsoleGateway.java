package io.huddle.console;

import io.huddle.client.CommandException;
import io.huddle.client.Deadline;
import io.huddle.client.FloorState;
import io.huddle.domain.ActionType;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TenantSettings;
import io.huddle.journal.Journal;
import io.huddle.journal.JournalAction;
import io.huddle.journal.JournalRecord;
import io.huddle.journal.JournalScope;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.JournalCanonical;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.ParticipantDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.ui.AsyncCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals every command the console sends: the intent is committed before the command goes out (a command
 * whose intent cannot be recorded is not sent), the outcome (ACK with the gateway's time and ids, ERROR
 * with its code, TIMEOUT when the outcome is unknown) when it is known. The returned future completes when
 * the gateway answers; the outcome is queued for the journal before that and committed right after. Message
 * text is kept only as a SHA-256 digest unless the tenant's {@code storeMessageText} is on.
 *
 * <p>One deadline per command, from its call (the person's click): the intent's commit and the gateway's
 * answer both spend from it, and the future's outcome is the one journaled. An intent that is not committed
 * by the deadline is not sent: the future fails with {@code not_sent} and, when the intent commits after
 * all, an ERROR outcome {@code not_sent} follows it. An answer after the deadline is not taken (the stream
 * client has stopped waiting for it), so the journal never says ACK where the person was told it failed.
 */
public final class JournalingConsoleGateway implements ConsoleGateway {
    private static final Logger LOG = LoggerFactory.getLogger(JournalingConsoleGateway.class);
    /** The error code of a command refused because its intent could not be journaled. */
    public static final String NOT_RECORDED = "not_recorded";

    private final ConsoleGateway delegate;
    private final Journal journal;
    private final JournalScope scope;
    private final FloorState floor;
    private final Supplier<Deadline> deadline;

    /** Each command answered within {@link AsyncCommand#TIMEOUT} of its call. */
    public JournalingConsoleGateway(ConsoleGateway delegate, Journal journal, JournalScope scope, FloorState floor) {
        this(delegate, journal, scope, floor, () -> Deadline.after(AsyncCommand.TIMEOUT));
    }

    /** @param deadline makes each command's deadline at its call */
    JournalingConsoleGateway(ConsoleGateway delegate, Journal journal, JournalScope scope, FloorState floor,
                             Supplier<Deadline> deadline) {
        this.delegate = delegate;
        this.journal = journal;
        this.scope = scope;
        this.floor = floor;
        this.deadline = deadline;
    }

    @Override
    public ConsoleGateway within(Deadline fixed) {
        return new JournalingConsoleGateway(delegate, journal, scope, floor, () -> fixed);
    }

    @Override
    public CompletableFuture<ViewResult> view(String interactionId) {
        JournalRecord intent = JournalRecord.intent(scope, JournalAction.VIEW, agentOf(interactionId), interactionId,
                openRequestOn(interactionId));
        return journaled(intent, g -> g.view(interactionId), (r, id) -> intent.acked(id, r.serverTime(),
                r.interaction() == null ? null : r.interaction().id(),
                r.interaction() == null ? null : r.interaction().agentId(),
                r.helpRequest() == null ? null : r.helpRequest().id()));
    }

    @Override
    public CompletableFuture<ControlsResult> controls(String interactionId) {
        return delegate.within(deadline.get()).controls(interactionId); // a read: not journaled
    }

    @Override
    public CompletableFuture<Void> unview() {
        return delegate.within(deadline.get()).unview();
    }

    @Override
    public CompletableFuture<HelpRequestDto> accept(String helpRequestId) {
        HelpRequestDto known = floor.helpRequests().get(helpRequestId);
        JournalRecord intent = JournalRecord.intent(scope, JournalAction.ACCEPT, known == null ? null : known.agentId(),
                known == null ? null : known.interactionId(), helpRequestId);
        return journaled(intent, g -> g.accept(helpRequestId), (r, id) -> intent.acked(id, r.acceptedAt(),
                r.id(), r.agentId(), r.id()));
    }

    @Override
    public CompletableFuture<ActionResult> act(String interactionId, ActionType action, String helpRequestId) {
        JournalRecord intent = JournalRecord.intent(scope, JournalAction.valueOf(action.name()), agentOf(interactionId),
                interactionId, helpRequestId);
        return journaled(intent, g -> g.act(interactionId, action, helpRequestId), (r, id) -> intent.acked(id,
                r.serverTime() != null ? r.serverTime() : r.action() == null ? null : r.action().startedAt(),
                r.action() == null ? null : r.action().id(), r.action() == null ? null : r.action().agentId(),
                r.action() == null ? null : r.action().helpRequestId()));
    }

    @Override
    public CompletableFuture<io.huddle.domain.Presence> presence(io.huddle.domain.Presence presence) {
        return delegate.presence(presence); // not an action on the floor: nothing to journal
    }

    @Override
    public CompletableFuture<TranscriptLineDto> send(String interactionId, String text) {
        TenantSettings settings = floor.settings();
        boolean keepText = settings != null && settings.storeMessageText();
        JournalRecord intent = JournalRecord.intent(scope, messageAction(interactionId), agentOf(interactionId),
                interactionId, null).withMessage(JournalCanonical.digestText(text), keepText ? text : null);
        return journaled(intent, g -> g.send(interactionId, text), (r, id) -> intent.acked(id, r.at(), r.id(),
                null, null));
    }

    private <T> CompletableFuture<T> journaled(JournalRecord intent,
                                               Function<ConsoleGateway, CompletableFuture<T>> command,
                                               AckRecord<T> ack) {
        Deadline by = deadline.get();
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicBoolean decided = new AtomicBoolean(); // sent, or given up: whichever comes first
        CompletableFuture.delayedExecutor(by.remainingNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (decided.compareAndSet(false, true)) {
                result.completeExceptionally(notSent(intent, by));
            }
        });
        journal.append(intent).whenComplete((entry, notRecorded) -> {
            if (notRecorded != null) {
                if (decided.compareAndSet(false, true)) {
                    result.completeExceptionally(new CommandException(NOT_RECORDED, intent.action() + " was not sent:"
                            + " it could not be recorded in the action journal (" + cause(notRecorded).getMessage()
                            + ")"));
                } else {
                    LOG.warn("the intent of {} could not be recorded either: {}", intent.action(),
                            cause(notRecorded).getMessage());
                }
                return;
            }
            if (!decided.compareAndSet(false, true) || by.passed()) {
                // the person is told it was not sent, and so is the journal
                CommandException e = notSent(intent, by);
                record(intent, entry, intent.failed(entry.id(), JournalRecord.Outcome.ERROR, e.code(), e.getMessage()));
                result.completeExceptionally(e);
                return;
            }
            CompletableFuture<T> sent;
            try {
                sent = command.apply(delegate.within(by));
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((value, failure) -> {
                // The outcome is queued first, so it keeps its place in the journal's order; the answer is handed
                // on without waiting for its commit: what the gateway said reaches the screen at once.
                record(intent, entry, failure == null ? ack.record(value, entry.id()) : failed(intent, entry, failure));
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        });
        return result;
    }

    private void record(JournalRecord intent, JournalEntry entry, JournalRecord outcome) {
        journal.append(outcome).whenComplete((o, lost) -> {
            if (lost != null) {
                LOG.error("the outcome of {} (journal entry {}) could not be recorded", intent.action(), entry.seq(),
                        lost);
            }
        });
    }

    private static CommandException notSent(JournalRecord intent, Deadline by) {
        return new CommandException(CommandException.NOT_SENT, intent.action() + " was not sent: the action journal"
                + " had not recorded it within " + by.budgetInWords() + "; nothing was changed");
    }

    private static JournalRecord failed(JournalRecord intent, JournalEntry entry, Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof TimeoutException) {
            return intent.failed(entry.id(), JournalRecord.Outcome.TIMEOUT, CommandException.TIMEOUT, cause.getMessage());
        }
        if (cause instanceof CommandException c) {
            boolean unknown = c.code().equals(CommandException.TIMEOUT) || c.code().equals(CommandException.CONNECTION_LOST)
                    || c.code().equals(CommandException.CLOSED);
            return intent.failed(entry.id(), unknown ? JournalRecord.Outcome.TIMEOUT : JournalRecord.Outcome.ERROR,
                    c.code(), c.getMessage());
        }
        return intent.failed(entry.id(), JournalRecord.Outcome.ERROR, "client_error", String.valueOf(cause.getMessage()));
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private String agentOf(String interactionId) {
        return floor.interaction(interactionId).map(InteractionDto::agentId).orElse(null);
    }

    private String openRequestOn(String interactionId) {
        return floor.helpRequestOn(interactionId).map(HelpRequestDto::id).orElse(null);
    }

    /** Coach or barge message, by the mode the supervisor is in on the interaction as the floor shows it. */
    private JournalAction messageAction(String interactionId) {
        SupervisorMode mode = floor.interaction(interactionId).flatMap(i -> i.participants().stream()
                .filter(p -> scope.supervisorId().equals(p.id())).map(ParticipantDto::mode).findFirst()).orElse(null);
        return mode == SupervisorMode.COACH ? JournalAction.COACH_MESSAGE
                : mode == SupervisorMode.BARGE_IN ? JournalAction.BARGE_MESSAGE : JournalAction.MESSAGE;
    }

    /** Makes an ACK outcome from the gateway's answer and the intent's entry id. */
    @FunctionalInterface
    private interface AckRecord<T> {
        JournalRecord record(T answer, String intentEntryId);
    }
}
