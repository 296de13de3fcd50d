package io.huddle.gateway.platform;

import io.huddle.domain.ActionType;
import io.huddle.domain.ControlPolicy;
import io.huddle.domain.Controls;
import io.huddle.domain.DomainException;
import io.huddle.domain.Interaction;
import io.huddle.domain.PlatformConnection;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import io.huddle.gateway.floor.FloorReads;
import io.huddle.gateway.floor.Ids;
import io.huddle.gateway.floor.InteractionView;
import io.huddle.gateway.floor.SupervisorLegs;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.protocol.platform.CallControlAnswer;
import io.huddle.protocol.platform.CallControlRequest;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervisor's controls, platform first (docs/platform.md): the gateway checks that the control may be
 * used, asks the tenant's platform with no lock held, and only on its yes records the action, changes the
 * participants and answers. A refusal, a timeout or an outage changes nothing and is said in the platform's
 * words. A tenant with no call-control URL, or an interaction no platform reported, has nothing to drive:
 * the gateway then records the action on its own.
 */
public final class PlatformControls {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformControls.class);

    private final FloorReads reads;
    private final SupervisorLegs legs;
    private final GatewayStore store;
    private final PlatformConnections connections;
    private final PlatformCalls calls;
    private final PlatformOffers offers = new PlatformOffers();

    public PlatformControls(FloorReads reads, SupervisorLegs legs, GatewayStore store, PlatformConnections connections,
                            PlatformCalls calls) {
        this.reads = reads;
        this.legs = legs;
        this.store = store;
        this.connections = connections;
        this.calls = calls;
    }

    /**
     * Opens an interaction: a supervisor's view is told to the platform first, and what it cannot offer turns
     * those controls off. A platform that fails the view leaves the view readable, its controls off saying why.
     */
    public InteractionView view(User user, String interactionId, InteractionView.Tail tail, Runnable whileLocked) {
        Interaction seen = reads.interaction(user, interactionId); // 404 before the platform hears of it
        if (user.isSupervisor() && drivenByPlatform(user, seen)) {
            try {
                Target target = target(user, seen);
                CallControlAnswer answer = calls.send(target.connection, target.request(CallControlRequest.Type.VIEW,
                        null, null));
                offers.remember(user.tenant(), seen.id(), user.id(), answer);
            } catch (DomainException e) {
                LOG.info("view of {} by {}: {}", seen.id(), user.id(), e.getMessage());
                offers.remember(user.tenant(), seen.id(), user.id(), unavailable(e.getMessage()));
            }
        }
        InteractionView v = reads.view(user, interactionId, tail, whileLocked);
        return v.withControls(restrict(user, v.interaction(), v.controls(), true));
    }

    /** A view as {@link #view} answers it, without telling the platform (a refresh of the controls). */
    public InteractionView read(User user, String interactionId, InteractionView.Tail tail, Runnable whileLocked) {
        InteractionView v = reads.view(user, interactionId, tail, whileLocked);
        return v.withControls(restrict(user, v.interaction(), v.controls(), true));
    }

    /** The controls as the policy and the platform have them now (no call to the platform). */
    public Controls controls(User user, String interactionId) {
        Interaction i = reads.interaction(user, interactionId);
        return restrict(user, i, reads.controls(user, interactionId), true);
    }

    public SupervisorAction act(User supervisor, String interactionId, ActionType action, String helpRequestId) {
        SupervisorMode before = legs.checkAct(supervisor, interactionId, action, helpRequestId);
        Interaction i = reads.interaction(supervisor, interactionId);
        // what the platform said it cannot offer; an open circuit is the platform's to answer (503, or a probe)
        Controls.Control platformSays = action == ActionType.DISCONNECT ? Controls.Control.on()
                : restrict(supervisor, i, reads.controls(supervisor, interactionId), false).forAction(action);
        if (!platformSays.enabled()) {
            throw DomainException.conflict(label(action) + " is not available: " + platformSays.reason());
        }
        Target target = drivenByPlatform(supervisor, i) ? target(supervisor, i) : null;
        if (target != null) {
            try {
                calls.send(target.connection, target.request(type(action), null, null));
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.PLATFORM_TIMEOUT) {
                    undo(target, before, action, "a " + label(action) + " that timed out");
                }
                throw e;
            }
        }
        try {
            return legs.act(supervisor, interactionId, action, helpRequestId);
        } catch (io.huddle.gateway.store.FloorLog.AlreadyApplied e) {
            throw e; // another copy of this command did it, on another gateway: what the platform did stands
        } catch (RuntimeException e) {
            if (target != null) {
                undo(target, before, action, label(action) + " refused after the platform did it (" + e.getMessage()
                        + ")");
            }
            throw e;
        }
    }

    public TranscriptLine sendMessage(User supervisor, String interactionId, String text) {
        TranscriptLine.Audience audience = legs.checkMessage(supervisor, interactionId, text);
        Interaction i = reads.interaction(supervisor, interactionId);
        Target target = drivenByPlatform(supervisor, i) ? target(supervisor, i) : null;
        if (target != null) {
            calls.send(target.connection, target.request(CallControlRequest.Type.MESSAGE, text.strip(),
                    audience == TranscriptLine.Audience.AGENT ? CallControlRequest.Audience.AGENT
                            : CallControlRequest.Audience.ALL));
        }
        return legs.sendMessage(supervisor, interactionId, text);
    }

    /**
     * Puts the platform's leg back as the gateway has it, without waiting: after the floor refused what the
     * platform already did (someone was quicker), or after a control timed out that the platform may have done.
     */
    private void undo(Target target, SupervisorMode before, ActionType action, String why) {
        if (action == ActionType.DISCONNECT && before == null) {
            return;
        }
        CallControlRequest.Type back = before == null ? CallControlRequest.Type.DISCONNECT : switch (before) {
            case MONITOR -> CallControlRequest.Type.MONITOR;
            case COACH -> CallControlRequest.Type.COACH;
            case BARGE_IN -> CallControlRequest.Type.BARGE_IN;
        };
        calls.sendLater(target.connection, target.request(back, null, null), why);
    }

    /** The policy's controls less what the platform does not offer now (and, with {@code circuit}, while it is out). */
    private Controls restrict(User user, Interaction i, Controls policy, boolean circuit) {
        if (!user.isSupervisor()) {
            return policy;
        }
        Map<ActionType, String> off = new EnumMap<>(ActionType.class);
        if (circuit && drivenByPlatform(user, i) && !calls.available(user.tenant())) {
            String why = "platform unavailable: its recent controls failed";
            off.put(ActionType.MONITOR, why);
            off.put(ActionType.COACH, why);
            off.put(ActionType.BARGE_IN, why);
        } else {
            off.putAll(offers.offReasons(user.tenant(), i.id(), user.id()));
        }
        return ControlPolicy.withPlatform(policy, off);
    }

    private static String label(ActionType action) {
        return switch (action) {
            case MONITOR -> "Monitor";
            case COACH -> "Coach";
            case BARGE_IN -> "Barge In";
            case DISCONNECT -> "Disconnect";
        };
    }

    private static CallControlAnswer unavailable(String reason) {
        CallControlAnswer.Capability off = new CallControlAnswer.Capability(false, reason);
        return new CallControlAnswer(Map.of("monitor", off, "coach", off, "bargeIn", off));
    }

    private static CallControlRequest.Type type(ActionType action) {
        return switch (action) {
            case MONITOR -> CallControlRequest.Type.MONITOR;
            case COACH -> CallControlRequest.Type.COACH;
            case BARGE_IN -> CallControlRequest.Type.BARGE_IN;
            case DISCONNECT -> CallControlRequest.Type.DISCONNECT;
        };
    }

    /** True when a platform drives this interaction: the tenant has one connected and it reported the interaction. */
    private boolean drivenByPlatform(User user, Interaction i) {
        return i.platformId() != null && connections.of(user.tenant()).canSendControls();
    }

    /** Where a supervisor's control on a platform's interaction goes; refused when the platform cannot know them. */
    private Target target(User supervisor, Interaction i) {
        if (supervisor.platformUserId() == null) {
            throw DomainException.conflict("you have no user id on the contact-center platform (platformUserId):"
                    + " ask your admin to set it");
        }
        String agentPlatformId = store.findUserById(i.agentId()).map(User::platformUserId).orElse(null);
        return new Target(connections.of(supervisor.tenant()), i.platformId(), supervisor.platformUserId(),
                agentPlatformId);
    }

    private record Target(PlatformConnection connection, String interactionId, String supervisorId, String agentId) {
        CallControlRequest request(CallControlRequest.Type type, String text, CallControlRequest.Audience audience) {
            return new CallControlRequest(Ids.next("cc"), type, connection.tenant(), interactionId, supervisorId,
                    agentId, text, audience);
        }
    }
}
