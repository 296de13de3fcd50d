package io.huddle.gateway.floor;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What ending an interaction changes: it leaves the live list with its supervisor legs dropped, their
 * running actions end, and its open help request ends with it. Computed first (to be written), applied to
 * the floor and published after the write, with the tenant's lock held throughout.
 */
record InteractionEnd(Interaction before, Interaction ended, List<SupervisorAction> closedActions,
                      HelpRequest endedRequest) {

    static InteractionEnd of(TenantFloor f, Interaction before, Instant now) {
        Interaction ended = before.withHelpRequested(false).withoutSupervisorLegs()
                .withState(InteractionState.ENDED, now);
        List<SupervisorAction> closed = new ArrayList<>();
        for (Participant p : before.participants()) {
            SupervisorAction running = p.isSupervisor() ? f.runningAction(before.id(), p.id()) : null;
            if (running != null) {
                closed.add(running.end(now));
            }
        }
        HelpRequest open = f.openRequestOn(before.id());
        return new InteractionEnd(before, ended, List.copyOf(closed), open == null ? null : open.endWithInteraction(now));
    }

    void apply(Floors floors, TenantFloor f) {
        closedActions.forEach(f::putAction);
        if (endedRequest != null) {
            HelpRequest open = f.openRequestOn(before.id());
            f.putRequest(endedRequest);
            floors.publish(new FloorEvent.HelpRequestChanged(f.tenant, open, endedRequest));
        }
        f.dropInteraction(before);
        floors.publish(new FloorEvent.InteractionEnded(f.tenant, ended));
    }
}
