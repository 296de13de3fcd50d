package io.huddle.gateway.platform;

import java.time.Duration;

/**
 * How patiently the gateway calls a tenant's platform: the answer deadline of one control, how many of a
 * tenant's controls may be in flight at once (the bulkhead), how many times a control is re-sent when the
 * connection itself failed, and when the circuit opens and for how long.
 *
 * @param timeout            one control's deadline, connection and answer together
 * @param maxInFlight        a tenant's controls in flight at once; one more is refused at once
 * @param connectRetries     re-sends (same requestId) after a connection failure; never after a timeout
 * @param failuresToOpen     failures of the last {@code window} controls that open the circuit
 * @param window             how many recent controls the circuit looks at
 * @param openFor            how long an open circuit refuses controls before one probe is let through
 */
public record PlatformCallSettings(Duration timeout, int maxInFlight, int connectRetries, int failuresToOpen,
                                   int window, Duration openFor) {
    public static PlatformCallSettings defaults() {
        return new PlatformCallSettings(Duration.ofSeconds(5), 16, 2, 5, 10, Duration.ofSeconds(15));
    }

    public PlatformCallSettings withTimeout(Duration t) {
        return new PlatformCallSettings(t, maxInFlight, connectRetries, failuresToOpen, window, openFor);
    }

    public PlatformCallSettings withOpenFor(Duration d) {
        return new PlatformCallSettings(timeout, maxInFlight, connectRetries, failuresToOpen, window, d);
    }

    public PlatformCallSettings withMaxInFlight(int n) {
        return new PlatformCallSettings(timeout, n, connectRetries, failuresToOpen, window, openFor);
    }
}
