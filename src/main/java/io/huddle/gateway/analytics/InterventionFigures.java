package io.huddle.gateway.analytics;

import io.huddle.gateway.store.InterventionTally;
import io.huddle.protocol.InterventionAnalyticsDto.Figures;
import io.huddle.protocol.InterventionAnalyticsDto.Mode;
import java.util.List;

/** The intervention figures of docs/analytics.md, from the counts the store added up. */
final class InterventionFigures {
    private InterventionFigures() {
    }

    /**
     * The total of groups that split the actions between them, all groups given. Grouped by hour, day, agent, queue
     * or channel, the store also returns the groups that have interactions but no action, so the interactions add
     * up as well.
     */
    static InterventionTally sum(List<InterventionTally> groups, boolean countsInteractions) {
        long[] m = new long[2];
        long[] c = new long[2];
        long[] b = new long[2];
        long escalations = 0;
        long interactions = 0;
        long withAction = 0;
        for (InterventionTally g : groups) {
            m[0] += g.monitor().count();
            m[1] += g.monitor().totalMillis();
            c[0] += g.coach().count();
            c[1] += g.coach().totalMillis();
            b[0] += g.bargeIn().count();
            b[1] += g.bargeIn().totalMillis();
            escalations += g.monitorToBarge();
            interactions += g.interactions() == null ? 0 : g.interactions();
            withAction += g.interactionsWithAction() == null ? 0 : g.interactionsWithAction();
        }
        return new InterventionTally(null, null, new InterventionTally.Mode(m[0], m[1]),
                new InterventionTally.Mode(c[0], c[1]), new InterventionTally.Mode(b[0], b[1]), escalations,
                countsInteractions ? interactions : null, countsInteractions ? withAction : null);
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
