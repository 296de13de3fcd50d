package io.huddle.gateway.floor;

import io.huddle.domain.ControlPolicy;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.Role;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.User;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A help request's life on the floor: the agent raises, cancels or closes it, a supervisor accepts it
 * (the first to accept wins: the tenant's lock and {@link HelpRequestStatus#transition}). Each change keeps
 * the interaction's "help requested" flag in step and tells the supervisors it was routed to.
 */
public final class HelpLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(HelpLifecycle.class);
    private final Floors floors;
    private final RoutingPolicy routing;
    private final EscalationLadder ladder;

    public HelpLifecycle(Floors floors, RoutingPolicy routing, EscalationLadder ladder) {
        this.floors = floors;
        this.routing = routing;
        this.ladder = ladder;
    }

    public HelpRequest raiseHelp(User agent, String interactionId, String reason, String comment) {
        Require.role(agent, Role.AWA_AGENT, "raising a help request");
        String why = Require.text("reason", reason, HelpRequest.MAX_TEXT, true);
        String note = Require.text("comment", comment, HelpRequest.MAX_TEXT, false);
        return floors.changing(agent.tenant(), f -> {
            Interaction i = FloorLookup.interaction(floors.store(), f, agent, interactionId);
            if (!i.agentId().equals(agent.id())) {
                throw DomainException.notFound("interaction", interactionId);
            }
            if (i.state() != InteractionState.ACTIVE && i.state() != InteractionState.ON_HOLD) {
                throw DomainException.conflict("interaction " + i.id() + " is " + i.state()
                        + ": help can only be requested on an active interaction");
            }
            String unavailable = ControlPolicy.blockedReason(f.settings, i);
            if (unavailable != null) {
                throw DomainException.conflict("supervisor help is not available: " + unavailable);
            }
            HelpRequest open = f.openRequestOn(i.id());
            if (open != null) {
                throw DomainException.conflict("interaction " + i.id() + " already has a help request "
                        + open.id() + " that is " + open.status());
            }
            HelpRequest draft = HelpRequest.raise(Ids.next("hr"), i, why, note, List.of(), floors.now());
            List<User> users = floors.store().users(agent.tenant());
            HelpRequest routed = ladder.routed(f, draft, routing.assign(draft, users), users);
            Interaction flagged = i.withHelpRequested(true);
            floors.store().saveAll(List.of(routed), List.of(), List.of(flagged));
            f.putRequest(routed);
            f.putInteraction(flagged);
            floors.publish(new FloorEvent.InteractionChanged(f.tenant, i, flagged));
            publishSteps(f, routed);
            return routed;
        });
    }

    public HelpRequest cancelHelp(User agent, String id) {
        Require.role(agent, Role.AWA_AGENT, "cancelling a help request");
        return floors.changing(agent.tenant(), f -> {
            HelpRequest r = ownRequest(f, agent, id);
            HelpRequest cancelled = r.cancel(floors.now(), HelpRequest.EndReason.AGENT_CANCELLED);
            endRequest(f, r, cancelled);
            if (!r.assignedTo().isEmpty()) {
                floors.publish(new FloorEvent.Notification(f.tenant, "help.cancelled", cancelled, r.assignedTo(),
                        agent.displayName() + " cancelled their request"));
            }
            return cancelled;
        });
    }

    public HelpRequest closeHelp(User agent, String id) {
        Require.role(agent, Role.AWA_AGENT, "closing a help request");
        return floors.changing(agent.tenant(), f -> {
            HelpRequest r = ownRequest(f, agent, id);
            HelpRequest closed = r.close(floors.now(), HelpRequest.EndReason.AGENT_CLOSED);
            endRequest(f, r, closed);
            return closed;
        });
    }

    public HelpRequest acceptHelp(User supervisor, String id) {
        Require.supervisor(supervisor, "accepting a help request");
        return floors.changing(supervisor.tenant(), f -> {
            HelpRequest r = FloorLookup.request(floors.store(), f, supervisor, id);
            if (r.status() == HelpRequestStatus.IN_PROGRESS) {
                throw DomainException.conflict("help request " + id + " was already accepted by "
                        + r.helpProvidedByName());
            }
            if (!f.settings.monitoringEnabled()) {
                throw DomainException.conflict("call monitoring is not enabled for this tenant (licence)");
            }
            HelpRequest accepted = r.accept(supervisor, floors.now());
            Interaction i = f.live.get(r.interactionId());
            Interaction cleared = i == null ? null : i.withHelpRequested(false);
            floors.store().saveAll(List.of(accepted), List.of(), cleared == null ? List.of() : List.of(cleared));
            f.putRequest(accepted);
            if (cleared != null) {
                f.putInteraction(cleared);
                floors.publish(new FloorEvent.InteractionChanged(f.tenant, i, cleared));
            }
            floors.publish(new FloorEvent.HelpRequestChanged(f.tenant, r, accepted));
            List<String> others = r.assignedTo().stream().filter(s -> !s.equals(supervisor.id())).toList();
            if (!others.isEmpty()) {
                floors.publish(new FloorEvent.Notification(f.tenant, "help.accepted", accepted, others,
                        supervisor.displayName() + " accepted " + r.agentName() + "'s request"));
            }
            return accepted;
        });
    }

    /** A new request, then the notice of each step it took at once (routed, perhaps escalated). */
    private void publishSteps(TenantFloor f, HelpRequest routed) {
        floors.publish(new FloorEvent.HelpRequestChanged(f.tenant, null, routed));
        routed.escalations().forEach(step -> ladder.announce(f, routed, step));
    }

    /**
     * The agent's cancel or close: the request ends and the interaction's flag is cleared. A supervisor of
     * another domain who helped loses sight of the interaction with it, so their leg on it ends too.
     */
    private void endRequest(TenantFloor f, HelpRequest before, HelpRequest ended) {
        Interaction i = f.live.get(ended.interactionId());
        Interaction next = i == null || !i.helpRequested() ? i : i.withHelpRequested(false);
        List<SupervisorAction> actions = new ArrayList<>();
        Participant helperLeg = null;
        User helper = outsideHelper(before);
        if (i != null && helper != null && i.legOf(helper.id()) != null) {
            helperLeg = i.legOf(helper.id());
            next = next.withoutLegOf(helper.id());
            SupervisorAction running = f.runningAction(i.id(), helper.id());
            if (running != null) {
                actions.add(running.end(floors.now()));
            }
        }
        boolean changed = next != null && !next.equals(i);
        floors.store().saveAll(List.of(ended), actions, changed ? List.of(next) : List.of());
        f.putRequest(ended);
        actions.forEach(f::putAction);
        if (changed) {
            f.putInteraction(next);
            floors.publish(new FloorEvent.InteractionChanged(f.tenant, i, next));
        }
        if (helperLeg != null) {
            LOG.info("help request {} ended: {} of domain {} left interaction {} with it", ended.id(), helper.id(),
                    helper.domain(), i.id());
            LegAnnouncements.announce(floors, f, next, helper.displayName(), helperLeg.mode(), null);
        }
        floors.publish(new FloorEvent.HelpRequestChanged(f.tenant, before, ended));
    }

    /** Who accepted this in-progress request as a supervisor of another domain (escalated to them), or null. */
    private User outsideHelper(HelpRequest r) {
        if (r.status() != HelpRequestStatus.IN_PROGRESS || r.helpProvidedBy() == null) {
            return null;
        }
        return floors.store().findUserById(r.helpProvidedBy()).filter(u -> Visibility.escalatedTo(u, r))
                .orElse(null);
    }

    /** A request the agent may see and raised themselves; anyone else's is "not found". */
    private HelpRequest ownRequest(TenantFloor f, User agent, String id) {
        HelpRequest r = FloorLookup.request(floors.store(), f, agent, id);
        if (!r.agentId().equals(agent.id())) {
            throw DomainException.notFound("help request", id);
        }
        return r;
    }
}
