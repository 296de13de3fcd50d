package io.huddle.protocol;

import io.huddle.domain.Escalation;
import java.time.Instant;
import java.util.List;

/** One step of a help request's escalation ladder on the wire; {@code step} is its wire name. */
public record EscalationDto(String step, Instant at, List<String> assignedTo, List<String> notified) {
    public EscalationDto {
        assignedTo = assignedTo == null ? List.of() : List.copyOf(assignedTo);
        notified = notified == null ? List.of() : List.copyOf(notified);
    }

    public static EscalationDto of(Escalation e) {
        return new EscalationDto(e.step().wireName(), e.at(), e.assignedTo(), e.notified());
    }
}
