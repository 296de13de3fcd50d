package io.huddle.gateway.http;

import io.huddle.domain.DomainException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one reader of time query parameters ({@code from}, {@code to}): an ISO-8601 UTC instant from
 * 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z (the four-digit years of ISO-8601). Stored times are
 * whole milliseconds, so a finer instant is rounded up to the next millisecond: {@code from} (inclusive)
 * and {@code to} (exclusive) keep exactly the items at or after, and before, the instant given. Anything
 * else is a 400 naming the parameter, never an overflow further in.
 */
final class TimeParam {
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private TimeParam() {
    }

    /** The instant named by {@code value}, or null when it is missing or blank (no bound). */
    static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant t;
        try {
            t = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("query parameter '" + name
                    + "' must be an ISO-8601 UTC time such as 2026-11-24T13:02:11.123Z");
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw DomainException.badRequest("query parameter '" + name + "' must be between " + EARLIEST
                    + " and " + LATEST);
        }
        Instant millis = t.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(t) ? t : millis.plusMillis(1);
    }
}
