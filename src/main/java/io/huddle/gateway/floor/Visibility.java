package io.huddle.gateway.floor;

import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.Role;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;

/**
 * Who may see what. Nothing crosses a tenant or a domain, except a help request escalated to a supervisor of
 * another domain ({@link #escalatedTo}); an agent sees only their own work and never a silent monitor. Every
 * check denies by default: a user needs a role that grants the sight, so a user with no recognised role sees
 * nothing. The REST API and the stream both ask here, so they cannot disagree.
 */
public final class Visibility {
    private Visibility() {
    }

    /** Supervisors, auditors and admins see everything of their tenant and domain. */
    public static boolean seesWholeScope(User user) {
        return user.isSupervisor() || user.has(Role.AUDITOR) || user.has(Role.ADMIN);
    }

    /**
     * Whether this user is held to their own work: an agent without a supervisory or audit role, and anyone
     * with no role that grants the whole scope (who, not being an agent either, has no own work to see).
     */
    public static boolean onlyOwn(User user) {
        return !seesWholeScope(user);
    }

    /** Whether the user sees the interaction by their scope alone (see the overload for an escalated one). */
    public static boolean canSee(User user, Interaction i) {
        return user.inScope(i.tenant(), i.domain()) && (seesWholeScope(user) || ownWork(user, i.agentId()));
    }

    /**
     * Whether the user sees the interaction, whose pending or in-progress help request is {@code open} (or null):
     * by their scope, or as the supervisor of another domain who accepted that request while it is in progress.
     */
    public static boolean canSee(User user, Interaction i, HelpRequest open) {
        return canSee(user, i) || open != null && open.interactionId().equals(i.id())
                && open.status() == HelpRequestStatus.IN_PROGRESS && escalatedTo(user, open);
    }

    public static boolean canSee(User user, HelpRequest r) {
        return user.inScope(r.tenant(), r.domain()) && (seesWholeScope(user) || ownWork(user, r.agentId()))
                || escalatedTo(user, r);
    }

    /**
     * Whether this supervisor sees the request only because it was escalated to them from a domain outside their
     * scope: while it is pending and assigned to them (the escalated step added them), and while it is in progress
     * with them as the one who accepted it. Not once it is closed or cancelled, nor once another accepted it.
     */
    public static boolean escalatedTo(User user, HelpRequest r) {
        if (!user.tenant().equals(r.tenant()) || !user.isSupervisor() || user.inScope(r.tenant(), r.domain())) {
            return false;
        }
        return switch (r.status()) {
            case PENDING -> r.assignedTo().contains(user.id());
            case IN_PROGRESS -> user.id().equals(r.helpProvidedBy());
            default -> false;
        };
    }

    /**
     * Whether a change of a help request reaches this user: who sees it before or after the change, so the change
     * that ends an escalated supervisor's sight of it (accepted by another, cancelled, closed) is the last of it
     * they get. {@code before} is null for a new request.
     */
    public static boolean seesChange(User user, HelpRequest before, HelpRequest after) {
        return canSee(user, after) || before != null && canSee(user, before);
    }

    /**
     * The agent whose help requests this user's history search is held to: the user's own id for an agent,
     * null (no restriction within the scope) for those who see the whole scope, whatever they asked for.
     * Anyone else may not search it at all (403).
     */
    public static String helpRequestSearchAgent(User user, String requestedAgentId) {
        if (seesWholeScope(user)) {
            return requestedAgentId;
        }
        if (user.isAgent()) {
            return user.id();
        }
        throw DomainException.forbidden(
                "help-request history requires the awa_manager, awa_agent, auditor or admin role");
    }

    /**
     * Whether a notice about this request may reach one of its recipients: who sees it, or a supervisor of the
     * tenant it was assigned to (one of another domain hears that it was accepted by another or cancelled).
     */
    public static boolean hearsOf(User user, HelpRequest r) {
        return canSee(user, r) || user.tenant().equals(r.tenant()) && user.isSupervisor()
                && r.assignedTo().contains(user.id());
    }

    /** Lines are ALL or AGENT: both reach the agent; the customer only ever gets ALL. */
    public static boolean canRead(User user, TranscriptLine line) {
        return seesWholeScope(user) || user.isAgent() && (line.audience() == TranscriptLine.Audience.ALL
                || line.audience() == TranscriptLine.Audience.AGENT);
    }

    /** The interaction as this user may see it. */
    public static Interaction viewFor(User user, Interaction i) {
        return onlyOwn(user) ? i.withoutSilentMonitors() : i;
    }

    /** Whether an agent would notice this change at all (a silent monitor joining must not show). */
    public static boolean agentNotices(Interaction before, Interaction after) {
        return before == null || !before.withoutSilentMonitors().equals(after.withoutSilentMonitors());
    }

    private static boolean ownWork(User user, String agentId) {
        return user.isAgent() && user.id().equals(agentId);
    }
}
