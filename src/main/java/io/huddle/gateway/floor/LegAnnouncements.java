package io.huddle.gateway.floor;

import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TranscriptLine;

/**
 * What the agent (and for barge-in the customer) are told when a supervisor's leg changes, as transcript
 * lines from "Huddle"; silent monitoring says nothing. A supervisor's own change and the platform dropping
 * a leg both say it here.
 */
final class LegAnnouncements {
    private LegAnnouncements() {
    }

    /** A leg changed from one mode to another (null: no leg). The tenant's lock is held. */
    static void announce(Floors floors, TenantFloor f, Interaction on, String name, SupervisorMode from,
                         SupervisorMode to) {
        if (from == to) {
            return;
        }
        if (from == SupervisorMode.BARGE_IN) {
            say(floors, f, on, name + " left the conversation", TranscriptLine.Audience.ALL);
        } else if (from == SupervisorMode.COACH) {
            say(floors, f, on, name + " stopped coaching", TranscriptLine.Audience.AGENT);
        }
        if (to == SupervisorMode.COACH) {
            say(floors, f, on, name + " is coaching you (the customer cannot hear or see this)",
                    TranscriptLine.Audience.AGENT);
        } else if (to == SupervisorMode.BARGE_IN) {
            say(floors, f, on, name + " joined the conversation", TranscriptLine.Audience.ALL);
        }
    }

    private static void say(Floors floors, TenantFloor f, Interaction on, String text,
                            TranscriptLine.Audience audience) {
        floors.appendLine(f, on, TranscriptLine.Speaker.SYSTEM, "Huddle", text, audience);
    }
}
