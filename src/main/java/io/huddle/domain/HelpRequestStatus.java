package io.huddle.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The help-request lifecycle: PENDING → IN_PROGRESS → CLOSED, and PENDING → CANCELLED.
 * This enum is the one place that knows which moves are possible.
 */
public enum HelpRequestStatus {
    PENDING, IN_PROGRESS, CLOSED, CANCELLED;

    private static final Map<HelpRequestStatus, Set<HelpRequestStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(HelpRequestStatus.class),
            CANCELLED, EnumSet.noneOf(HelpRequestStatus.class));

    /** Pending or in progress: at most one such request per interaction. */
    public boolean isOpen() {
        return this == PENDING || this == IN_PROGRESS;
    }

    public boolean canMoveTo(HelpRequestStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next}, or throws a CONFLICT naming both states when the move is impossible. */
    public HelpRequestStatus transition(HelpRequestStatus next) {
        if (!canMoveTo(next)) {
            throw DomainException.conflict("help request is " + this + " and cannot become " + next);
        }
        return next;
    }
}
