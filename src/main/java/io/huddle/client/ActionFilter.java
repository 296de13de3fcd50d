package io.huddle.client;

import io.huddle.domain.ActionType;
import io.huddle.protocol.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An audit search over supervisor actions. Every field is optional (null); {@code from} is inclusive and
 * {@code to} exclusive on the action's start; {@code limit} is 1 to 500 (gateway default 100).
 */
public record ActionFilter(String supervisorId, String agentId, String interactionId, String helpRequestId,
                           ActionType action, Instant from, Instant to, Integer limit, String cursor) {

    /** Every action the signed-in user may audit. */
    public static ActionFilter all() {
        return new ActionFilter(null, null, null, null, null, null, null, null, null);
    }

    public ActionFilter between(Instant from, Instant to) {
        return new ActionFilter(supervisorId, agentId, interactionId, helpRequestId, action, from, to, limit,
                cursor);
    }

    public ActionFilter withLimit(Integer limit) {
        return new ActionFilter(supervisorId, agentId, interactionId, helpRequestId, action, from, to, limit,
                cursor);
    }

    /** The next page: the same search from the {@code nextCursor} of the previous page. */
    public ActionFilter withCursor(String cursor) {
        return new ActionFilter(supervisorId, agentId, interactionId, helpRequestId, action, from, to, limit,
                cursor);
    }

    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("supervisorId", supervisorId);
        q.put("agentId", agentId);
        q.put("interactionId", interactionId);
        q.put("helpRequestId", helpRequestId);
        q.put("action", action == null ? null : action.name());
        q.put("from", Json.format(from));
        q.put("to", Json.format(to));
        q.put("limit", limit == null ? null : limit.toString());
        q.put("cursor", cursor);
        return q;
    }
}
