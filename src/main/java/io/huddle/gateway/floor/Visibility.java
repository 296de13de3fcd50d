package io.huddle.gateway.floor;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.Role;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;

/**
 * Who may see what. Nothing crosses a tenant or a domain; an agent sees only their own work and never a
 * silent monitor. The REST API and the stream both ask here, so they cannot disagree.
 */
public final class Visibility {
    private Visibility() {
    }

    /** An agent without a supervisory or audit role sees only their own work. */
    public static boolean onlyOwn(User user) {
        return user.isAgent() && !user.isSupervisor() && !user.has(Role.AUDITOR) && !user.has(Role.ADMIN);
    }

    public static boolean canSee(User user, Interaction i) {
        return user.inScope(i.tenant(), i.domain()) && (!onlyOwn(user) || user.id().equals(i.agentId()));
    }

    public static boolean canSee(User user, HelpRequest r) {
        return user.inScope(r.tenant(), r.domain()) && (!onlyOwn(user) || user.id().equals(r.agentId()));
    }

    /** Lines are ALL or AGENT: both reach the agent; the customer only ever gets ALL. */
    public static boolean canRead(User user, TranscriptLine line) {
        return !onlyOwn(user) || line.audience() == TranscriptLine.Audience.ALL
                || line.audience() == TranscriptLine.Audience.AGENT;
    }

    /** The interaction as this user may see it. */
    public static Interaction viewFor(User user, Interaction i) {
        return onlyOwn(user) ? i.withoutSilentMonitors() : i;
    }

    /** Whether an agent would notice this change at all (a silent monitor joining must not show). */
    public static boolean agentNotices(Interaction before, Interaction after) {
        return before == null || !before.withoutSilentMonitors().equals(after.withoutSilentMonitors());
    }
}
