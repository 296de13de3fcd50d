package io.huddle.gateway.floor;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.ControlPolicy;
import io.huddle.domain.Controls;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One change of a supervisor's leg on an interaction: join in a mode, switch mode in place, or
 * disconnect. Checks the controls first, records the action (ending the previous one), then updates
 * the participants. Runs with the tenant's lock held.
 */
final class LegChange {
    private final Floors floors;
    private final TenantFloor f;
    private final User supervisor;
    private final Interaction before;

    LegChange(Floors floors, TenantFloor f, User supervisor, Interaction before) {
        this.floors = floors;
        this.f = f;
        this.supervisor = supervisor;
        this.before = before;
    }

    /**
     * Refuses, with the reason, an action this supervisor may not take now; answers the help request it would
     * belong to (null when none). Changes nothing.
     */
    String check(ActionType action, String helpRequestId) {
        Controls controls = f.controls(supervisor, before);
        Controls.Control control = controls.forAction(action);
        if (!control.enabled()) {
            throw DomainException.conflict(label(action) + " is not available: " + control.reason());
        }
        return helpRequestFor(helpRequestId);
    }

    /** The supervisor's leg on the interaction before this change, or null. */
    Participant currentLeg() {
        return before.legOf(supervisor.id());
    }

    SupervisorAction apply(ActionType action, String helpRequestId) {
        String requestId = check(action, helpRequestId);
        Instant now = floors.now();
        SupervisorAction previous = f.runningAction(before.id(), supervisor.id());
        List<SupervisorAction> writes = new ArrayList<>();
        if (previous != null) {
            writes.add(previous.end(now));
        }
        SupervisorAction recorded = new SupervisorAction(Ids.next("act"), before.tenant(), before.domain(), action,
                supervisor.id(), before.agentId(), before.id(), requestId, now,
                action == ActionType.DISCONNECT ? now : null);
        writes.add(recorded);
        Participant oldLeg = currentLeg();
        Interaction after = before.withParticipants(participantsAfter(action, now));
        floors.store().saveAll(List.of(), writes, List.of(after));

        f.putAction(recorded); // a disconnect is recorded ended: the leg has no running action after it
        f.putInteraction(after);
        floors.publish(new FloorEvent.InteractionChanged(f.tenant, before, after));
        LegAnnouncements.announce(floors, f, f.live.get(before.id()), supervisor.displayName(),
                oldLeg == null ? null : oldLeg.mode(), action.mode());
        return recorded;
    }

    /** The help request this action belongs to: the one named, or the one this supervisor accepted here. */
    private String helpRequestFor(String helpRequestId) {
        HelpRequest open = f.openRequestOn(before.id());
        if (helpRequestId == null) {
            return open != null && open.status() == HelpRequestStatus.IN_PROGRESS
                    && supervisor.id().equals(open.helpProvidedBy()) ? open.id() : null;
        }
        if (open == null || !open.id().equals(helpRequestId)) {
            HelpRequest named = floors.store().findHelpRequest(helpRequestId)
                    .filter(r -> Visibility.canSee(supervisor, r))
                    .orElseThrow(() -> DomainException.notFound("help request", helpRequestId));
            if (!named.interactionId().equals(before.id())) {
                throw DomainException.badRequest("field 'helpRequestId': help request " + helpRequestId
                        + " belongs to another interaction");
            }
            throw DomainException.conflict("help request " + helpRequestId + " is " + named.status());
        }
        if (open.status() != HelpRequestStatus.IN_PROGRESS || !supervisor.id().equals(open.helpProvidedBy())) {
            throw DomainException.conflict("help request " + helpRequestId
                    + " is not in progress with you: confirm it first");
        }
        return open.id();
    }

    private List<Participant> participantsAfter(ActionType action, Instant now) {
        List<Participant> next = new ArrayList<>(before.withoutLegOf(supervisor.id()).participants());
        SupervisorMode mode = action.mode();
        if (mode != null) {
            SupervisorMode.AudioLeg audio = before.channel() == Channel.VOICE ? mode.audioLeg() : null;
            next.add(new Participant(supervisor.id(), supervisor.displayName(), Participant.Kind.SUPERVISOR, mode,
                    audio, now));
        }
        return next;
    }

    private static String label(ActionType action) {
        return action == ActionType.DISCONNECT ? "Disconnect" : capital(ControlPolicy.label(action.mode()));
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
