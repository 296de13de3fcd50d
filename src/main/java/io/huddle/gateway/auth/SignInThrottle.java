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
 * Failed sign-ins over the last minute, per tenant and user name ({@link #perName}: a name with
 * {@link #MAX_FAILURES} of them is refused, 429, until the oldest leaves the minute) and per remote address
 * ({@link #perAddress}: {@link #MAX_ADDRESS_FAILURES}, so one address cannot try name after name). Bounded, so a
 * flood of made-up names cannot grow the heap: a key is forgotten a minute after its newest failure, and at most
 * {@code maxKeys} keys below the limit are kept (past that Caffeine evicts the least used). A key at the limit
 * weighs nothing and is never evicted for room, so a flood cannot set free a name being guessed; there can only
 * be as many of those as a fifth of the password checks (PBKDF2) the gateway does in a minute. Keys are digests
 * of a fixed size.
 */
final class SignInThrottle {
    static final int MAX_FAILURES = 5;
    /** Failed sign-ins a minute from one address: many people behind one NAT mistype, a guesser tries on. */
    static final int MAX_ADDRESS_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** A few MB at most: more names than a gateway can check passwords for (PBKDF2) in a minute. */
    static final int DEFAULT_MAX_NAMES = 10_000;

    /** The failures still in the window, oldest first; never more than the throttle's limit. */
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
    private final int maxFailures;
    private final String refusal;
    private final Cache<String, Failures> recent;

    private SignInThrottle(Clock clock, int maxKeys, int maxFailures, String refusal) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.refusal = refusal;
        this.recent = Caffeine.newBuilder()
                .maximumWeight(maxKeys)
                .weigher((String name, Failures failures) -> failures.times().size() >= maxFailures ? 0 : 1)
                .expireAfter(Expiry.<String, Failures>writing((name, failures) -> untilForgotten(failures)))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())) // the same time as the window
                .executor(Runnable::run) // housekeeping on the caller's thread: no pool to own and shut down
                .build();
    }

    /** Failures per tenant and user name, at most {@code maxNames} names below the limit kept. */
    static SignInThrottle perName(Clock clock, int maxNames) {
        return new SignInThrottle(clock, maxNames, MAX_FAILURES,
                "too many failed sign-ins for this user: wait a minute and try again");
    }

    /** Failures per remote address, at most {@code maxAddresses} addresses below the limit kept. */
    static SignInThrottle perAddress(Clock clock, int maxAddresses) {
        return new SignInThrottle(clock, maxAddresses, MAX_ADDRESS_FAILURES,
                "too many failed sign-ins from this address: wait a minute and try again");
    }

    /**
     * Refuses when the name had too many recent failures, else counts this attempt as a failure until
     * {@link #succeeded} clears it. Checked and counted in one atomic step, so parallel guesses cannot all pass.
     */
    void attempt(String tenant, String username) {
        attempt(key(tenant, username));
    }

    /** A success clears the name's failures. */
    void succeeded(String tenant, String username) {
        recent.invalidate(key(tenant, username));
    }

    /** As {@link #attempt(String, String)}, for a remote address. */
    void attemptFrom(String address) {
        attempt(AuthService.digest("address:" + address));
    }

    /**
     * A success from an address takes back only its own attempt: the address's other failures stay, so signing
     * in with one known account in between cannot reset a guesser's count.
     */
    void succeededFrom(String address) {
        recent.asMap().computeIfPresent(AuthService.digest("address:" + address), (key, failures) -> {
            List<Instant> times = failures.times();
            return times.size() <= 1 ? null : new Failures(List.copyOf(times.subList(0, times.size() - 1)));
        });
    }

    private void attempt(String key) {
        Instant now = clock.instant();
        boolean[] refused = {false};
        recent.asMap().compute(key, (name, old) -> {
            Failures inWindow = old == null ? Failures.NONE : old.since(now.minus(WINDOW));
            if (inWindow.times().size() >= maxFailures) {
                refused[0] = true;
                return inWindow;
            }
            return inWindow.plus(now);
        });
        if (refused[0]) {
            throw new DomainException(DomainException.Kind.RATE_LIMITED, refusal);
        }
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
