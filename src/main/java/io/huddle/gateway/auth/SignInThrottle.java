package io.huddle.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.huddle.domain.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Failed sign-ins per tenant and user name over the last minute; a name with {@link #MAX_FAILURES} of them is
 * refused (429) until the oldest leaves the minute. Bounded, so a flood of made-up names cannot grow the heap:
 * a name is forgotten a minute after its newest failure, and at most {@code maxNames} names below the limit
 * are kept (past that Caffeine evicts the least used). A name at the limit weighs nothing and is never
 * evicted for room, so a flood cannot set free a name being guessed; there can only be as many of those as
 * a fifth of the password checks (PBKDF2) the gateway does in a minute. Keys are digests of a fixed size.
 */
final class SignInThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** A few MB at most: more names than a gateway can check passwords for (PBKDF2) in a minute. */
    static final int DEFAULT_MAX_NAMES = 10_000;

    /** The failures still in the window, oldest first; never more than {@link #MAX_FAILURES}. */
    private record Failures(List<Instant> times) {
        static final Failures NONE = new Failures(List.of());

        Failures since(Instant cutoff) {
            return new Failures(times.stream().filter(t -> !t.isBefore(cutoff)).toList());
        }

        Failures plus(Instant time) {
            List<Instant> more = new ArrayList<>(times);
            more.add(time);
            return new Failures(List.copyOf(more));
        }
    }

    private final Clock clock;
    private final Cache<String, Failures> recent;

    SignInThrottle(Clock clock, int maxNames) {
        this.clock = clock;
        this.recent = Caffeine.newBuilder()
                .maximumWeight(maxNames)
                .weigher((String name, Failures failures) -> failures.times().size() >= MAX_FAILURES ? 0 : 1)
                .expireAfter(Expiry.<String, Failures>writing((name, failures) -> untilForgotten(failures)))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())) // the same time as the window
                .executor(Runnable::run) // housekeeping on the caller's thread: no pool to own and shut down
                .build();
    }

    /**
     * Refuses when the name had too many recent failures, else counts this attempt as a failure until
     * {@link #succeeded} clears it. Checked and counted in one atomic step, so parallel guesses cannot all pass.
     */
    void attempt(String tenant, String username) {
        Instant now = clock.instant();
        boolean[] refused = {false};
        recent.asMap().compute(key(tenant, username), (name, old) -> {
            Failures inWindow = old == null ? Failures.NONE : old.since(now.minus(WINDOW));
            if (inWindow.times().size() >= MAX_FAILURES) {
                refused[0] = true;
                return inWindow;
            }
            return inWindow.plus(now);
        });
        if (refused[0]) {
            throw new DomainException(DomainException.Kind.RATE_LIMITED,
                    "too many failed sign-ins for this user: wait a minute and try again");
        }
    }

    void succeeded(String tenant, String username) {
        recent.invalidate(key(tenant, username));
    }

    /** How many names are tracked now, after forgetting the expired ones. */
    long trackedNames() {
        recent.cleanUp();
        return recent.estimatedSize();
    }

    private Duration untilForgotten(Failures failures) {
        if (failures.times().isEmpty()) {
            return Duration.ZERO;
        }
        Instant newest = failures.times().get(failures.times().size() - 1);
        // it still counts a whole minute after it (see since), so it is kept a millisecond past that
        Duration left = Duration.between(clock.instant(), newest.plus(WINDOW).plusMillis(1));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Unambiguous (the tenant's length first) and of fixed size whatever the caller sent. */
    private static String key(String tenant, String username) {
        return AuthService.digest(tenant.length() + ":" + tenant + "/" + username);
    }
}
