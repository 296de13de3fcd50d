package io.huddle.agent;

import io.huddle.protocol.EscalationDto;
import io.huddle.protocol.HelpRequestDto;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What is happening to a pending help request, in the agent's words, from the escalation steps the gateway
 * recorded on it (docs/protocol.md, "Escalation"): who was notified, reminded, how many more supervisors it was
 * escalated to, or that nobody is there to take it. Never a bare "pending". An escalation step does not say
 * whether its group was the leads or supervisors the admin named, so the words count whom it added.
 */
final class HelpProgress {
    static final String NOBODY = "No supervisor is available now: your request stays open.";

    private HelpProgress() {
    }

    static String of(HelpRequestDto r) {
        if (r.escalations().isEmpty()) {
            return "Your supervisors have your request.";
        }
        Set<String> told = new LinkedHashSet<>();
        r.escalations().forEach(e -> told.addAll(e.notified()));
        if (told.isEmpty()) {
            return NOBODY;
        }
        boolean late = r.lastStep("breached") != null;
        EscalationDto escalated = r.lastStep("escalated");
        if (escalated != null) {
            return escalatedTo(escalated) + (late ? ": it is taking longer than usual." : ".");
        }
        EscalationDto reminded = r.lastStep("reminded");
        if (reminded != null) {
            return people(reminded.notified().size()) + " reminded" + (late ? ": it is taking longer than usual."
                    : ".");
        }
        EscalationDto routed = r.lastStep("routed");
        return people(routed == null ? told.size() : routed.notified().size()) + " notified.";
    }

    /** "Escalated to 2 more supervisors", from whom the step added; it may have found nobody more to add. */
    static String escalatedTo(EscalationDto escalated) {
        int added = escalated.assignedTo().size();
        return added == 0 ? "No more supervisors to escalate to" : "Escalated to " + (added == 1 ? "1 more supervisor"
                : added + " more supervisors");
    }

    private static String people(int n) {
        return n == 1 ? "1 supervisor" : n + " supervisors";
    }
}
