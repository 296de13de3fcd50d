package io.huddle.gateway.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the reply to each command id for ten minutes, per user, so a command re-sent after a
 * reconnect is answered with its original outcome and never applied twice.
 */
final class CommandReplies {
    static final Duration KEEP = Duration.ofMinutes(10);

    private record Reply(String frame, Instant at) {
    }

    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, Object> inFlight = new ConcurrentHashMap<>();

    static String key(String userId, String commandId) {
        return userId + "\n" + commandId;
    }

    String replyTo(String key) {
        Reply r = replies.get(key);
        return r == null ? null : r.frame();
    }

    /** Holds one lock per command key so two copies of a command cannot both run. */
    Object lockFor(String key) {
        return inFlight.computeIfAbsent(key, k -> new Object());
    }

    void remember(String key, String frame, Instant now) {
        replies.put(key, new Reply(frame, now));
        inFlight.remove(key);
    }

    void forget(String key) {
        inFlight.remove(key);
    }

    void sweep(Instant now) {
        replies.values().removeIf(r -> r.at().plus(KEEP).isBefore(now));
    }

    int size() {
        return replies.size();
    }
}
