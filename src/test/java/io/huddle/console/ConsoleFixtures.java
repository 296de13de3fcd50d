package io.huddle.console;

import io.huddle.client.FloorChange;
import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.Controls;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TranscriptLine;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.ParticipantDto;
import io.huddle.protocol.TranscriptLineDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Builders for console view-model tests, and a gateway whose answers the test gives by hand. */
final class ConsoleFixtures {
    static final String ME = "acme:sup1";
    static final Instant T0 = Instant.parse("2026-11-24T13:00:00Z");

    private ConsoleFixtures() {
    }

    static InteractionDto ix(String id, Channel channel, String agent, String customer, String queue, boolean help,
                             ParticipantDto... supervisors) {
        List<ParticipantDto> people = new ArrayList<>();
        people.add(new ParticipantDto("acme:" + agent, agent, Participant.Kind.AGENT, null, null, T0));
        people.add(new ParticipantDto("cust-" + id, customer, Participant.Kind.CUSTOMER, null, null, T0));
        people.addAll(List.of(supervisors));
        return new InteractionDto(id, channel, InteractionState.ACTIVE, "acme:" + agent, agent, customer, queue, T0,
                null, help, people);
    }

    static InteractionDto ix(String id, ParticipantDto... supervisors) {
        return ix(id, Channel.CHAT, "Ana Agent", "Maria Silva", "Billing", false, supervisors);
    }

    static ParticipantDto sup(String id, String name, SupervisorMode mode) {
        return new ParticipantDto(id, name, Participant.Kind.SUPERVISOR, mode, null, T0);
    }

    static HelpRequestDto help(String id, String ixId, HelpRequestStatus status, Instant created, String... assigned) {
        return new HelpRequestDto(id, ixId, "acme:agent", "Ana Agent", status, "Policy question", "refund?",
                List.of(assigned), status == HelpRequestStatus.IN_PROGRESS ? "acme:sup2" : null,
                status == HelpRequestStatus.IN_PROGRESS ? "Sam Sup" : null, created, null, null, null, null);
    }

    static TranscriptLineDto line(String id, String ixId, TranscriptLine.Speaker from, String text) {
        return new TranscriptLineDto(id, ixId, T0, from, from.name().toLowerCase(), text, TranscriptLine.Audience.ALL);
    }

    static Controls controls(boolean monitor, boolean coach, boolean barge, boolean disconnect) {
        return new Controls(c(monitor, "already monitoring"), c(coach, "coaching is off for this tenant"),
                c(barge, "barge-in needs a help request"), c(disconnect, "you are not on the interaction"));
    }

    private static Controls.Control c(boolean on, String why) {
        return on ? Controls.Control.on() : Controls.Control.off(why);
    }

    static ConsoleGateway.ViewResult viewed(InteractionDto i, Controls controls, TranscriptLineDto... lines) {
        return new ConsoleGateway.ViewResult(i, controls, null, List.of(lines));
    }

    static ConsoleGateway.ActionResult acted(String ixId, ActionType type, Controls controls) {
        return new ConsoleGateway.ActionResult(new ActionDto("act-1", type, ME, "acme:agent", ixId, null, T0, null),
                controls);
    }

    static FloorChange change(List<InteractionDto> ix, List<String> removed, List<HelpRequestDto> help,
                              List<FloorChange.Notification> notes, List<TranscriptLineDto> lines) {
        return new FloorChange(false, ix, removed, help, List.of(), notes, lines, null);
    }

    static FloorChange snapshot(List<InteractionDto> ix, List<HelpRequestDto> help) {
        return new FloorChange(true, ix, List.of(), help, List.of(), List.of(), List.of(), null);
    }

    /** Records every call; each answer is a future the test completes. */
    static final class FakeGateway implements ConsoleGateway {
        final java.util.List<io.huddle.domain.Presence> presences = new java.util.ArrayList<>();

        @Override
        public CompletableFuture<io.huddle.domain.Presence> presence(io.huddle.domain.Presence presence) {
            presences.add(presence);
            return CompletableFuture.completedFuture(presence);
        }

        final List<String> viewed = new ArrayList<>();
        final List<CompletableFuture<ViewResult>> views = new ArrayList<>();
        int unviews;
        final List<String> controlled = new ArrayList<>();
        final List<CompletableFuture<ControlsResult>> controls = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        final List<CompletableFuture<HelpRequestDto>> accepts = new ArrayList<>();
        final List<String> acted = new ArrayList<>();
        final List<CompletableFuture<ActionResult>> acts = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<TranscriptLineDto>> sends = new ArrayList<>();

        @Override
        public CompletableFuture<ViewResult> view(String interactionId) {
            viewed.add(interactionId);
            return add(views, new CompletableFuture<>());
        }

        @Override
        public CompletableFuture<ControlsResult> controls(String interactionId) {
            controlled.add(interactionId);
            return add(controls, new CompletableFuture<>());
        }

        @Override
        public CompletableFuture<Void> unview() {
            unviews++;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<HelpRequestDto> accept(String helpRequestId) {
            accepted.add(helpRequestId);
            return add(accepts, new CompletableFuture<>());
        }

        @Override
        public CompletableFuture<ActionResult> act(String interactionId, ActionType action, String helpRequestId) {
            acted.add(interactionId + ":" + action);
            return add(acts, new CompletableFuture<>());
        }

        @Override
        public CompletableFuture<TranscriptLineDto> send(String interactionId, String text) {
            sent.add(interactionId + ":" + text);
            return add(sends, new CompletableFuture<>());
        }

        CompletableFuture<ViewResult> lastView() {
            return views.get(views.size() - 1);
        }

        private static <T> CompletableFuture<T> add(List<CompletableFuture<T>> to, CompletableFuture<T> f) {
            to.add(f);
            return f;
        }
    }
}
