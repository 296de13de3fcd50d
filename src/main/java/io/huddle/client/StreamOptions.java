package io.huddle.client;

import io.huddle.Version;
import java.time.Duration;

/**
 * Stream timings and the client's name. Tests shorten them.
 *
 * @param backoffBase    the first reconnect delay (0.5 s), doubling per failed attempt...
 * @param backoffMax     ... up to this (30 s)
 * @param backoffJitter  ± this fraction of each delay, at random (0.2)
 * @param commandTimeout how long a command waits for its ack or error (10 s)
 * @param watchdogFactor the connection counts as dead after this many heartbeat periods without any frame
 *                       (2.5)
 * @param connectTimeout for the TCP connection and upgrade, and then for the gateway's welcome (5 s)
 */
public record StreamOptions(Duration backoffBase, Duration backoffMax, double backoffJitter,
                            Duration commandTimeout, double watchdogFactor, Duration connectTimeout,
                            String clientName, String clientVersion) {

    public static StreamOptions defaults() {
        return new StreamOptions(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2, Duration.ofSeconds(10), 2.5,
                Duration.ofSeconds(5), "huddle", Version.current());
    }

    public StreamOptions withBackoff(Duration base, Duration max) {
        return new StreamOptions(base, max, backoffJitter, commandTimeout, watchdogFactor, connectTimeout,
                clientName, clientVersion);
    }

    public StreamOptions withCommandTimeout(Duration timeout) {
        return new StreamOptions(backoffBase, backoffMax, backoffJitter, timeout, watchdogFactor, connectTimeout,
                clientName, clientVersion);
    }

    public StreamOptions withWatchdogFactor(double factor) {
        return new StreamOptions(backoffBase, backoffMax, backoffJitter, commandTimeout, factor, connectTimeout,
                clientName, clientVersion);
    }

    public StreamOptions withConnectTimeout(Duration timeout) {
        return new StreamOptions(backoffBase, backoffMax, backoffJitter, commandTimeout, watchdogFactor, timeout,
                clientName, clientVersion);
    }

    /** How the client names itself in its hello, e.g. "huddle-console", "1.2.0". */
    public StreamOptions withClient(String name, String version) {
        return new StreamOptions(backoffBase, backoffMax, backoffJitter, commandTimeout, watchdogFactor,
                connectTimeout, name, version);
    }

    Backoff backoff() {
        return new Backoff(backoffBase, backoffMax, backoffJitter);
    }
}
