package io.huddle.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The commands sent and not yet answered, by id, in the order sent. Used only on the stream client's
 * thread. Each is completed exactly once: by its ack or error, its timeout, or a failure of all.
 */
final class PendingCommands {

    /** One command awaiting its answer; {@code frame} is the JSON text sent (re-sent as is after resume). */
    record Pending(String id, String type, String frame, CompletableFuture<JsonNode> future,
                   ScheduledFuture<?> timeout) {
    }

    private final Map<String, Pending> byId = new LinkedHashMap<>();

    void add(Pending p) {
        byId.put(p.id(), p);
    }

    /** Completes the command with the ack's result (and time); false when no such command is waiting. */
    boolean ack(String id, JsonNode result, Instant serverTime) {
        Pending p = id == null ? null : byId.remove(id);
        if (p == null) {
            return false;
        }
        p.timeout().cancel(false);
        if (p.future() instanceof StreamClient.CommandFuture c) {
            c.serverTime = serverTime;
        }
        p.future().complete(result);
        return true;
    }

    /** Fails the command; false when no such command is waiting. */
    boolean fail(String id, CommandException e) {
        Pending p = id == null ? null : byId.remove(id);
        if (p == null) {
            return false;
        }
        p.timeout().cancel(false);
        p.future().completeExceptionally(e);
        return true;
    }

    /** The type of a waiting command, or null. */
    String typeOf(String id) {
        Pending p = byId.get(id);
        return p == null ? null : p.type();
    }

    /** The frames of every waiting command, in the order first sent. */
    List<String> frames() {
        return byId.values().stream().map(Pending::frame).toList();
    }

    void failAll(String code, String why) {
        List<Pending> all = new ArrayList<>(byId.values());
        byId.clear();
        for (Pending p : all) {
            p.timeout().cancel(false);
            p.future().completeExceptionally(new CommandException(code, "command '" + p.type() + "' " + why));
        }
    }

    int size() {
        return byId.size();
    }
}
