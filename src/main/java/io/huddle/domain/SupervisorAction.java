package io.huddle.domain;

import java.time.Instant;

/**
 * One recorded supervisor action. A mode lasts from {@code startedAt} until the next switch or a
 * disconnect sets {@code endedAt}; a DISCONNECT is an instant (both times equal).
 */
public record SupervisorAction(String id, String tenant, String domain, ActionType action, String supervisorId,
                               String agentId, String interactionId, String helpRequestId, Instant startedAt,
                               Instant endedAt) {

    public SupervisorAction end(Instant at) {
        return new SupervisorAction(id, tenant, domain, action, supervisorId, agentId, interactionId, helpRequestId,
                startedAt, at);
    }
}
