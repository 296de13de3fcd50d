package io.huddle.domain;

import io.huddle.domain.Controls.Control;
import java.util.Locale;

/**
 * Decides which call controls a supervisor may use on an interaction at this moment: "when a supervisor
 * views an interaction, the CCaaS is notified and configures the call controls accordingly". Pure: the
 * caller passes in everything it knows, so the same answer backs the view and the action itself.
 */
public final class ControlPolicy {

    private ControlPolicy() {
    }

    /**
     * @param openRequest the interaction's pending or in-progress help request, or null
     * @param myLeg       this supervisor's participant entry on the interaction, or null
     * @param activeLeg   the supervisor currently coaching or barging in (one at most), or null
     */
    public static Controls evaluate(User user, TenantSettings tenant, Interaction interaction, HelpRequest openRequest,
                                    Participant myLeg, Participant activeLeg) {
        if (!user.isSupervisor()) {
            return Controls.allOff("requires the awa_manager (supervisor) role");
        }
        Control disconnect = myLeg != null ? Control.on() : Control.off("you are not on this interaction");
        String blocked = blockedReason(tenant, interaction);
        if (blocked != null) {
            Control off = Control.off(blocked);
            return new Controls(off, off, off, myLeg != null ? Control.on() : disconnect);
        }
        Control monitor = modeControl(SupervisorMode.MONITOR, myLeg);
        Control coach = speakingControl(SupervisorMode.COACH, user, interaction, openRequest, myLeg, activeLeg);
        Control barge = speakingControl(SupervisorMode.BARGE_IN, user, interaction, openRequest, myLeg, activeLeg);
        return new Controls(monitor, coach, barge, disconnect);
    }

    /**
     * The controls as the contact-center platform also has them: a control the policy allows but the
     * platform said it cannot offer now is off with the platform's reason. {@code platformOff} maps MONITOR,
     * COACH and BARGE_IN to that reason; the platform cannot turn a control on that the policy has off.
     */
    public static Controls withPlatform(Controls policy, java.util.Map<ActionType, String> platformOff) {
        return new Controls(platform(policy.monitor(), platformOff.get(ActionType.MONITOR)),
                platform(policy.coach(), platformOff.get(ActionType.COACH)),
                platform(policy.bargeIn(), platformOff.get(ActionType.BARGE_IN)), policy.disconnect());
    }

    private static Control platform(Control policy, String platformReason) {
        return policy.enabled() && platformReason != null ? Control.off(platformReason) : policy;
    }

    /**
     * Who would read a supervisor's message on the interaction now: the agent while they coach, everyone once
     * they barged in. {@code refusal} says why none can be sent (then {@code audience} is null).
     */
    public record Message(TranscriptLine.Audience audience, String refusal) {
    }

    /** @param myLeg this supervisor's participant entry on the interaction, or null */
    public static Message message(TenantSettings tenant, Interaction interaction, Participant myLeg) {
        String blocked = blockedReason(tenant, interaction);
        if (blocked != null) {
            return new Message(null, "messages cannot be sent: " + blocked);
        }
        if (myLeg == null) {
            return new Message(null, "you are not on interaction " + interaction.id()
                    + ": start Coach or Barge In first");
        }
        return switch (myLeg.mode()) {
            case COACH -> new Message(TranscriptLine.Audience.AGENT, null);
            case BARGE_IN -> new Message(TranscriptLine.Audience.ALL, null);
            case MONITOR -> new Message(null, "you are monitoring silently: switch to Coach or Barge In to send messages");
        };
    }

    /** Why no control at all can be used on this interaction (licence, channel, state), or null. */
    public static String blockedReason(TenantSettings tenant, Interaction interaction) {
        if (!tenant.monitoringEnabled()) {
            return "call monitoring is not enabled for this tenant (licence)";
        }
        if (!tenant.monitoredChannels().contains(interaction.channel())) {
            return "call monitoring is not enabled for " + interaction.channel().name().toLowerCase(Locale.ROOT)
                    + " interactions in this tenant";
        }
        return switch (interaction.state()) {
            case ENDED -> "the interaction has ended";
            case WRAP_UP -> "the interaction is in wrap-up";
            default -> null;
        };
    }

    private static Control modeControl(SupervisorMode mode, Participant myLeg) {
        if (myLeg != null && myLeg.mode() == mode) {
            return Control.off("you are already in " + label(mode) + " mode");
        }
        return Control.on();
    }

    private static Control speakingControl(SupervisorMode mode, User user, Interaction interaction,
                                           HelpRequest openRequest, Participant myLeg, Participant activeLeg) {
        if (myLeg != null && myLeg.mode() == mode) {
            return Control.off("you are already in " + label(mode) + " mode");
        }
        if (openRequest != null && openRequest.status() == HelpRequestStatus.PENDING) {
            return Control.off(interaction.agentName() + " asked for help: confirm the help request first");
        }
        if (openRequest != null && openRequest.status() == HelpRequestStatus.IN_PROGRESS
                && !user.id().equals(openRequest.helpProvidedBy())) {
            return Control.off(openRequest.helpProvidedByName() + " is providing help on this interaction");
        }
        if (activeLeg != null && !activeLeg.id().equals(user.id())) {
            return Control.off(activeLeg.name() + " is already " + verb(activeLeg.mode()) + " on this interaction");
        }
        return Control.on();
    }

    public static String label(SupervisorMode mode) {
        return switch (mode) {
            case MONITOR -> "monitor";
            case COACH -> "coach";
            case BARGE_IN -> "barge-in";
        };
    }

    private static String verb(SupervisorMode mode) {
        return switch (mode) {
            case MONITOR -> "monitoring";
            case COACH -> "coaching";
            case BARGE_IN -> "barging in";
        };
    }
}
