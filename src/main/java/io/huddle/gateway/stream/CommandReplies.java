package io.huddle.gateway.stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the reply to each command that changes the floor, per user, for ten minutes, so such a command
 * re-sent after a reconnect is answered with its original outcome and never applied twice. Reads (view,
 * controls, ping, unview) are not kept: run again, they answer truthfully.
 *
 * <p>Bounded per user and overall, by count and by bytes. A user at their limit is refused further changes
 * ({@link #hasRoomFor}) rather than having a reply dropped, so no command of theirs is applied without being
 * remembered; past the overall limit (many users at once) Caffeine drops replies it judges least useful.
 */
final class CommandReplies {
    static final Duration KEEP = Duration.ofMinutes(10);
    /** What a kept reply costs besides its characters (key, cache node, string headers): an estimate. */
    static final int ENTRY_OVERHEAD = 200;

    /** How much is kept; the overall count is at most {@code totalBytes / ENTRY_OVERHEAD}. */
    record Limits(int perUserReplies, long perUserBytes, long totalBytes) {
        static Limits defaults() {
            return new Limits(1_000, 2L << 20, 64L << 20);
        }
    }

    record Key(String userId, String commandId) {
    }

    private record Usage(int replies, long bytes) {
        Usage plus(int n, long b) {
            return new Usage(replies + n, bytes + b);
        }
    }

    private final Limits limits;
    private final Cache<Key, String> replies;
    /** Kept replies per user id (a user with none has no entry), updated as the cache adds and removes. */
    private final ConcurrentMap<String, Usage> usage = new ConcurrentHashMap<>();
    /** One lock per command running now, so two copies of a command cannot both run; gone when it is done. */
    private final ConcurrentMap<Key, Object> inFlight = new ConcurrentHashMap<>();

    CommandReplies(Clock clock, Limits limits) {
        this.limits = limits;
        this.replies = Caffeine.newBuilder()
                .maximumWeight(limits.totalBytes())
                .weigher((Key k, String frame) -> (int) Math.min(Integer.MAX_VALUE, weight(k, frame)))
                .expireAfterWrite(KEEP)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run) // housekeeping on the callers' and the ticker's threads: no pool to own
                .removalListener((Key k, String frame, com.github.benmanes.caffeine.cache.RemovalCause cause) ->
                        count(k.userId(), -1, -weight(k, frame)))
                .build();
    }

    static long weight(Key k, String frame) {
        // two bytes a character: the most a Java string takes
        return ENTRY_OVERHEAD + 2L * (k.userId().length() + k.commandId().length() + frame.length());
    }

    /** Runs {@code work} while no other copy of this command (same user, same id) runs. */
    void exclusively(Key key, Runnable work) {
        while (true) {
            Object lock = inFlight.computeIfAbsent(key, k -> new Object());
            synchronized (lock) {
                if (inFlight.get(key) != lock) {
                    continue; // its holder finished and dropped it meanwhile: take the current one
                }
                try {
                    work.run();
                } finally {
                    inFlight.remove(key, lock);
                }
                return;
            }
        }
    }

    String replyTo(Key key) {
        return replies.getIfPresent(key);
    }

    /** Whether a reply of this user can still be kept: below their count and byte limits. */
    boolean hasRoomFor(String userId) {
        Usage u = usage.get(userId);
        return u == null || u.replies() < limits.perUserReplies() && u.bytes() < limits.perUserBytes();
    }

    void remember(Key key, String frame) {
        count(key.userId(), 1, weight(key, frame)); // before the put: its removal may follow at once
        replies.put(key, frame);
    }

    private void count(String userId, int n, long bytes) {
        usage.compute(userId, (id, u) -> {
            Usage next = (u == null ? new Usage(0, 0) : u).plus(n, bytes);
            return next.replies() <= 0 ? null : next;
        });
    }

    /** Forgets expired replies now (the hub's ticker), not only as a side effect of later calls. */
    void sweep() {
        replies.cleanUp();
    }

    int size() {
        replies.cleanUp();
        return (int) replies.estimatedSize();
    }

    /** The weight (estimated bytes) of what is kept. */
    long retainedBytes() {
        replies.cleanUp();
        return replies.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** What one user has kept: {replies, estimated bytes}. */
    long[] usageOf(String userId) {
        Usage u = usage.getOrDefault(userId, new Usage(0, 0));
        return new long[] {u.replies(), u.bytes()};
    }
}
