package io.huddle.gateway.analytics;

import java.time.Duration;

/**
 * The service level a help request's wait is held against: accepted within this long. The one place the
 * analytics read it from.
 */
@FunctionalInterface
public interface AcceptWithin {
    /** The default service level until a tenant sets its own. */
    Duration DEFAULT_ACCEPT_WITHIN = Duration.ofSeconds(60);

    /** Every tenant on {@link #DEFAULT_ACCEPT_WITHIN}. */
    AcceptWithin DEFAULT = tenant -> DEFAULT_ACCEPT_WITHIN;

    Duration of(String tenant);
}
