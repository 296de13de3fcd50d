package io.huddle.protocol;

import io.huddle.domain.ActionType;
import io.huddle.domain.SupervisorAction;
import java.time.Instant;

/** One recorded supervisor action. */
public record ActionDto(String id, ActionType action, String supervisorId, String agentId, String interactionId,
                        String helpRequestId, Instant startedAt, Instant endedAt) {
    public static ActionDto of(SupervisorAction a) {
        return new ActionDto(a.id(), a.action(), a.supervisorId(), a.agentId(), a.interactionId(),
                a.helpRequestId(), a.startedAt(), a.endedAt());
    }
}
