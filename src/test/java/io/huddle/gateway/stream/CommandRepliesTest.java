package io.huddle.gateway.stream;

import io.huddle.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The replies kept for re-sent commands stay within their limits, per user and overall. */
class CommandRepliesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private static String frame(int chars) {
        return "x".repeat(chars);
    }

    @Test
    void aUserAtTheirCountLimitHasNoRoomUntilTheirRepliesExpire() {
        CommandReplies replies = new CommandReplies(clock, new CommandReplies.Limits(3, 1 << 20, 64 << 20));
        IntStream.range(0, 3).forEach(i -> replies.remember(new CommandReplies.Key("u1", "c" + i), frame(100)));

        assertThat(replies.hasRoomFor("u1")).isFalse();
        assertThat(replies.hasRoomFor("u2")).as("another user's limit is their own").isTrue();
        assertThat(replies.replyTo(new CommandReplies.Key("u1", "c0"))).as("nothing dropped for room").isNotNull();

        clock.advance(CommandReplies.KEEP.plusSeconds(1));
        replies.sweep();
        assertThat(replies.size()).isZero();
        assertThat(replies.usageOf("u1")).containsExactly(0, 0);
        assertThat(replies.hasRoomFor("u1")).isTrue();
    }

    @Test
    void aUserAtTheirByteLimitHasNoRoom() {
        CommandReplies replies = new CommandReplies(clock, new CommandReplies.Limits(1_000, 10_000, 64 << 20));
        replies.remember(new CommandReplies.Key("u1", "a"), frame(3_000));
        assertThat(replies.hasRoomFor("u1")).isTrue();
        replies.remember(new CommandReplies.Key("u1", "b"), frame(3_000));

        assertThat(replies.usageOf("u1")[1]).isGreaterThanOrEqualTo(10_000);
        assertThat(replies.hasRoomFor("u1")).isFalse();
    }

    @Test
    void manyUsersTogetherStayWithinTheOverallBytesAndTheCountTheyImply() {
        long total = 100_000;
        CommandReplies replies = new CommandReplies(clock, new CommandReplies.Limits(1_000, 1 << 20, total));
        for (int u = 0; u < 50; u++) {
            for (int c = 0; c < 20; c++) {
                replies.remember(new CommandReplies.Key("u" + u, "c" + c), frame(1_000));
            }
        }
        assertThat(replies.retainedBytes()).isPositive().isLessThanOrEqualTo(total);
        assertThat(replies.size()).isPositive().isLessThanOrEqualTo((int) (total / CommandReplies.ENTRY_OVERHEAD));
        long counted = IntStream.range(0, 50).mapToLong(u -> replies.usageOf("u" + u)[0]).sum();
        assertThat(counted).as("per-user counts follow what the cache dropped").isEqualTo(replies.size());
    }

    @Test
    void twoCopiesOfACommandNeverRunAtOnce() throws InterruptedException {
        CommandReplies replies = new CommandReplies(clock, CommandReplies.Limits.defaults());
        CommandReplies.Key key = new CommandReplies.Key("u1", "same");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int copies = 8;
        CountDownLatch done = new CountDownLatch(copies);
        for (int i = 0; i < copies; i++) {
            Thread t = new Thread(() -> {
                for (int n = 0; n < 2_000; n++) {
                    replies.exclusively(key, () -> {
                        if (running.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        running.decrementAndGet();
                    });
                }
                done.countDown();
            });
            t.start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
    }
}
