package io.huddle.gateway.analytics;

import io.huddle.gateway.store.HelpRequestTally;
import io.huddle.protocol.HelpRequestAnalyticsDto.Figures;

/** The help-request figures of docs/analytics.md, from the counts the store added up. */
final class HelpRequestFigures {
    private HelpRequestFigures() {
    }

    static Figures of(HelpRequestTally t) {
        return new Figures(t.key(), t.label(), t.requests(), t.closed(), t.cancelled(), t.open(),
                share(t.cancelled(), t.closed() + t.cancelled()), t.accepted(), seconds(t.acceptP50Millis()),
                seconds(t.acceptP90Millis()), seconds(t.acceptMaxMillis()),
                share(t.acceptedWithin(), t.serviceLevelBase()), t.breaches(), t.escalated(), t.agents(),
                t.agents() == 0 ? null : (double) t.requests() / t.agents());
    }

    /** part / whole, or null when there is no whole to take a share of. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    static Double seconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }
}
