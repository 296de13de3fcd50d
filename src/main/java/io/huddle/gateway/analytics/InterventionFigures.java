package io.huddle.gateway.analytics;

import io.huddle.gateway.store.InterventionTally;
import io.huddle.protocol.InterventionAnalyticsDto.Figures;
import io.huddle.protocol.InterventionAnalyticsDto.Mode;

/** The intervention figures of docs/analytics.md, from the counts the store added up. */
final class InterventionFigures {
    private InterventionFigures() {
    }

    static Figures of(InterventionTally t) {
        Double share = t.interactions() == null ? null
                : HelpRequestFigures.share(t.interactionsWithAction(), t.interactions());
        return new Figures(t.key(), t.label(), mode(t.monitor()), mode(t.coach()), mode(t.bargeIn()),
                t.monitorToBarge(), t.interactions(), t.interactionsWithAction(), share);
    }

    private static Mode mode(InterventionTally.Mode m) {
        return new Mode(m.count(), m.totalMillis() / 1000.0,
                m.count() == 0 ? null : m.totalMillis() / 1000.0 / m.count());
    }
}
