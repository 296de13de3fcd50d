package io.huddle.client;

import io.huddle.domain.HelpRequestStatus;
import io.huddle.protocol.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A help-request history search. Every field is optional (null). An agent only ever sees their own
 * requests, whatever {@code agentId} says.
 */
public record HelpRequestFilter(HelpRequestStatus status, String agentId, String helpProvidedBy, Instant from,
                                Instant to, Integer limit, String cursor) {

    public static HelpRequestFilter all() {
        return new HelpRequestFilter(null, null, null, null, null, null, null);
    }

    public HelpRequestFilter withStatus(HelpRequestStatus status) {
        return new HelpRequestFilter(status, agentId, helpProvidedBy, from, to, limit, cursor);
    }

    /** The next page: the same search from the {@code nextCursor} of the previous page. */
    public HelpRequestFilter withCursor(String cursor) {
        return new HelpRequestFilter(status, agentId, helpProvidedBy, from, to, limit, cursor);
    }

    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("status", status == null ? null : status.name());
        q.put("agentId", agentId);
        q.put("helpProvidedBy", helpProvidedBy);
        q.put("from", Json.format(from));
        q.put("to", Json.format(to));
        q.put("limit", limit == null ? null : limit.toString());
        q.put("cursor", cursor);
        return q;
    }
}
