package io.huddle.gateway.platform;

import java.time.Duration;

/**
 * How patiently the gateway calls a tenant's platform.
 *
 * @param timeout            one control's deadline, from sending it to having read the whole answer
 * @param maxInFlight        a tenant's controls in flight at once (the bulkhead); one more is refused at once
 * @param connectRetries     re-sends (same requestId) after a connection failure; never after a timeout
 * @param failureRatePercent the share of the last {@code window} controls that must have failed to open the
 *                           circuit, counted once at least {@code minimumCalls} are in the window
 * @param minimumCalls       how many controls the circuit must have seen before it judges
 * @param window             how many recent controls the circuit looks at
 * @param openFor            how long an open circuit refuses controls before it lets one through as a probe
 */
public record PlatformCallSettings(Duration timeout, int maxInFlight, int connectRetries, int failureRatePercent,
                                   int minimumCalls, int window, Duration openFor) {
    public static PlatformCallSettings defaults() {
        return new PlatformCallSettings(Duration.ofSeconds(5), 16, 2, 50, 5, 10, Duration.ofSeconds(15));
    }

    public PlatformCallSettings withTimeout(Duration t) {
        return new PlatformCallSettings(t, maxInFlight, connectRetries, failureRatePercent, minimumCalls, window,
                openFor);
    }

    public PlatformCallSettings withOpenFor(Duration d) {
        return new PlatformCallSettings(timeout, maxInFlight, connectRetries, failureRatePercent, minimumCalls, window,
                d);
    }

    public PlatformCallSettings withMaxInFlight(int n) {
        return new PlatformCallSettings(timeout, n, connectRetries, failureRatePercent, minimumCalls, window, openFor);
    }
}
