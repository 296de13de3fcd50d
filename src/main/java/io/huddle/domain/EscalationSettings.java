package io.huddle.domain;

import java.time.Duration;
import java.util.List;

/**
 * A tenant's escalation ladder, in whole seconds: after {@code remindAfter} pending the assigned supervisors
 * are reminded, after {@code escalateAfter} the request is also assigned to the escalation group, and past
 * {@code acceptWithin} (the service level) it is marked breached. The group is the named users
 * ({@code escalationGroup}: supervisors of any domain of the tenant, see {@link #mayBeNamed}) or, when none are
 * named, everyone with {@code awa_lead}.
 */
public record EscalationSettings(long remindAfter, long escalateAfter, long acceptWithin,
                                 List<String> escalationGroup) {
    public static final long MIN_SECONDS = 5;
    public static final long MAX_SECONDS = 8 * 3600;

    public EscalationSettings {
        escalationGroup = escalationGroup == null ? List.of() : List.copyOf(escalationGroup);
    }

    public static EscalationSettings defaults() {
        return new EscalationSettings(30, 90, 60, List.of());
    }

    /**
     * Whether the escalation group may take in this user for a request of {@code tenant}: an active user of the
     * tenant with {@code awa_manager} (of any domain) or {@code awa_lead}. The settings refuse anyone else and
     * the ladder skips who no longer is one.
     */
    public static boolean mayBeNamed(User user, String tenant) {
        return user.tenant().equals(tenant) && user.active() && user.isSupervisor();
    }

    public Duration remindDelay() {
        return Duration.ofSeconds(remindAfter);
    }

    public Duration escalateDelay() {
        return Duration.ofSeconds(escalateAfter);
    }

    public Duration serviceLevel() {
        return Duration.ofSeconds(acceptWithin);
    }

    /** Refuses (400) a time outside 5 s to 8 h, or a reminder that would come after the escalation. */
    public EscalationSettings validated() {
        inBounds("remindAfter", remindAfter);
        inBounds("escalateAfter", escalateAfter);
        inBounds("acceptWithin", acceptWithin);
        if (remindAfter > escalateAfter) {
            throw DomainException.badRequest("field 'remindAfter' must not be longer than 'escalateAfter'");
        }
        return this;
    }

    private static void inBounds(String field, long seconds) {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw DomainException.badRequest("field '" + field + "' must be between " + MIN_SECONDS + " and "
                    + MAX_SECONDS + " seconds, got " + seconds);
        }
    }
}
