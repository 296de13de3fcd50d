package io.huddle.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One step of a help request's escalation ladder, as recorded on the request. {@code assignedTo} is whom the
 * step concerns (see {@link Step}); {@code notified} is who of them was told at that moment (a supervisor with
 * an open console who is available; for a reminder, busy ones too).
 */
public record Escalation(Step step, Instant at, List<String> assignedTo, List<String> notified) {

    /** The steps, in the order they usually come; each happens at most once per request. */
    public enum Step {
        /** The request was raised and routed: {@code assignedTo} is everyone it was assigned to. */
        ROUTED,
        /** {@code remindAfter} passed while pending: {@code assignedTo} is everyone assigned at that time. */
        REMINDED,
        /**
         * The request was also assigned to the escalation group, after {@code escalateAfter} or at once when no
         * supervisor was available: {@code assignedTo} is who was added.
         */
        ESCALATED,
        /** {@code acceptWithin} passed while pending: {@code assignedTo} is everyone assigned at that time. */
        BREACHED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Step fromWire(String value) {
            for (Step s : values()) {
                if (s.wireName().equals(value)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown escalation step '" + value + "'");
        }
    }

    public Escalation {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(at, "at");
        assignedTo = List.copyOf(assignedTo);
        notified = List.copyOf(notified);
    }
}
