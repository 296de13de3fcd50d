package io.huddle.gateway.floor;

import io.huddle.domain.ActionType;
import io.huddle.domain.ControlPolicy;
import io.huddle.domain.DomainException;
import io.huddle.domain.Interaction;
import io.huddle.domain.Participant;
import io.huddle.domain.Role;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;

/**
 * A supervisor on an interaction: Monitor, Coach, Barge In and Disconnect change their leg
 * ({@link LegChange}), and while coaching or barged in they may send messages. Each has a check that changes
 * nothing, for the platform to be asked in between, and the change itself, which checks again.
 */
public final class SupervisorLegs {
    private final Floors floors;

    public SupervisorLegs(Floors floors) {
        this.floors = floors;
    }

    /**
     * Refuses, with the reason, an action this supervisor may not take on the interaction now; answers the
     * mode of their leg there before it (null: no leg). Changes nothing: the platform is asked between this
     * and {@link #act}, which checks again.
     */
    public SupervisorMode checkAct(User supervisor, String interactionId, ActionType action, String helpRequestId) {
        requireAction(supervisor, action);
        return floors.locked(supervisor.tenant(), f -> {
            LegChange change = new LegChange(floors, f, supervisor, find(f, supervisor, interactionId));
            change.check(action, helpRequestId);
            Participant leg = change.currentLeg();
            return leg == null ? null : leg.mode();
        });
    }

    public SupervisorAction act(User supervisor, String interactionId, ActionType action, String helpRequestId) {
        requireAction(supervisor, action);
        return floors.changing(supervisor.tenant(), f ->
                new LegChange(floors, f, supervisor, find(f, supervisor, interactionId)).apply(action, helpRequestId));
    }

    /**
     * Who would read this supervisor's message on the interaction now: the agent (coaching) or everyone
     * (barged in). Refuses, with the reason, a message that cannot be sent. Changes nothing.
     */
    public TranscriptLine.Audience checkMessage(User supervisor, String interactionId, String text) {
        Require.text("text", text, TranscriptLine.MAX_TEXT, true);
        return floors.locked(supervisor.tenant(), f ->
                audience(f, supervisor, find(f, supervisor, interactionId)));
    }

    public TranscriptLine sendMessage(User supervisor, String interactionId, String text) {
        String body = Require.text("text", text, TranscriptLine.MAX_TEXT, true);
        return floors.changing(supervisor.tenant(), f -> {
            Interaction i = find(f, supervisor, interactionId);
            TranscriptLine.Audience audience = audience(f, supervisor, i);
            return floors.appendLine(f, i, TranscriptLine.Speaker.SUPERVISOR, supervisor.displayName(), body, audience);
        });
    }

    private static void requireAction(User supervisor, ActionType action) {
        Require.supervisor(supervisor, "monitoring, coaching or barging in");
        if (action == null) {
            throw DomainException.badRequest("field 'action' is required: MONITOR, COACH, BARGE_IN or DISCONNECT");
        }
    }

    private static TranscriptLine.Audience audience(TenantFloor f, User supervisor, Interaction i) {
        Require.supervisor(supervisor, "sending coach or barge messages");
        ControlPolicy.Message message = ControlPolicy.message(f.settings, i, i.legOf(supervisor.id()));
        if (message.refusal() != null) {
            throw DomainException.conflict(message.refusal());
        }
        return message.audience();
    }

    private Interaction find(TenantFloor f, User supervisor, String interactionId) {
        return FloorLookup.interaction(floors.store(), f, supervisor, interactionId);
    }
}
