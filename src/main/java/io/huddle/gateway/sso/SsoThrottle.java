package io.huddle.gateway.sso;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.huddle.domain.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code perMinute} calls of one single sign-on step from one remote address in a fixed minute; more
 * answer 429. Each step of the flow calls out to the provider or writes the store, so a flood from one
 * address is cut before it does either. Bounded: a window is forgotten when it ends, and at most
 * {@link #MAX_ADDRESSES} are kept (Caffeine evicts the least used past that).
 */
public final class SsoThrottle {
    public static final int DEFAULT_PER_MINUTE = 30;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 100_000;

    private record Window(Instant start, int calls) {
    }

    private final Clock clock;
    private final int perMinute;
    private final Cache<String, Window> windows;

    public SsoThrottle(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_ADDRESSES)
                .expireAfter(Expiry.<String, Window>writing((key, w) -> left(w)))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /** Counts a call of {@code step} from {@code address}; refuses (429) past the limit. Atomic per key. */
    public void call(String step, String address) {
        Instant now = clock.instant();
        Window w = windows.asMap().compute(step + " " + address, (key, old) ->
                old == null || !now.isBefore(old.start().plus(WINDOW)) ? new Window(now, 1)
                        : new Window(old.start(), old.calls() + 1));
        if (w.calls() > perMinute) {
            throw new DomainException(DomainException.Kind.RATE_LIMITED, "too many single sign-on requests from"
                    + " this address: wait a minute and try again");
        }
    }

    private Duration left(Window w) {
        Duration d = Duration.between(clock.instant(), w.start().plus(WINDOW));
        return d.isNegative() ? Duration.ZERO : d;
    }
}
