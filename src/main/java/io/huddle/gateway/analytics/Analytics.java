package io.huddle.gateway.analytics;

import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.AnalyticsGroup;
import io.huddle.gateway.store.AnalyticsQuery;
import io.huddle.gateway.store.AnalyticsRows;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.HelpRequestTally;
import io.huddle.gateway.store.InterventionTally;
import io.huddle.protocol.HelpRequestAnalyticsDto;
import io.huddle.protocol.InterventionAnalyticsDto;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Help-request and intervention analytics (docs/analytics.md) of the caller's tenant and domain: supervisors,
 * auditors and admins may ask. Each answer is the figures of the whole range and of each group.
 */
public final class Analytics {
    private final GatewayStore store;
    private final Clock clock;
    private final AcceptWithin acceptWithin;

    public Analytics(GatewayStore store, Clock clock, AcceptWithin acceptWithin) {
        this.store = store;
        this.clock = clock;
        this.acceptWithin = acceptWithin;
    }

    public HelpRequestAnalyticsDto helpRequests(User user, AnalyticsRequest request) {
        AnalyticsQuery q = query(user, request);
        AnalyticsRows<HelpRequestTally> groups = store.helpRequestAnalytics(q);
        List<HelpRequestTally> total = store.helpRequestAnalytics(q.grouped(AnalyticsGroup.TOTAL)).groups();
        return new HelpRequestAnalyticsDto(q.from(), q.to(), wire(q.groupBy()), q.asOf(),
                q.acceptWithinMillis() / 1000.0, groups.truncated(),
                HelpRequestFigures.of(total.get(0)),
                groups.groups().stream().map(HelpRequestFigures::of).toList());
    }

    public InterventionAnalyticsDto interventions(User user, AnalyticsRequest request) {
        AnalyticsQuery q = query(user, request);
        AnalyticsRows<InterventionTally> groups = store.interventionAnalytics(q);
        // the store adds the total up from every group, kept or not, in the same pass
        InterventionTally total = groups.total() != null ? groups.total()
                : store.interventionAnalytics(q.grouped(AnalyticsGroup.TOTAL)).groups().get(0);
        return new InterventionAnalyticsDto(q.from(), q.to(), wire(q.groupBy()), q.asOf(), groups.truncated(),
                InterventionFigures.of(total),
                groups.groups().stream().map(InterventionFigures::of).toList());
    }

    private AnalyticsQuery query(User user, AnalyticsRequest request) {
        if (!user.isSupervisor() && !user.has(Role.AUDITOR) && !user.has(Role.ADMIN)) {
            throw DomainException.forbidden("analytics require the awa_manager, auditor or admin role");
        }
        Instant now = clock.instant();
        Instant[] range = request.range(now);
        return new AnalyticsQuery(user.tenant(), user.domain(), range[0], range[1], request.groupBy(),
                request.filter(), now, acceptWithin.of(user.tenant()).toMillis(), AnalyticsRequest.MAX_GROUPS);
    }

    private static String wire(AnalyticsGroup group) {
        return group.name().toLowerCase(Locale.ROOT);
    }
}
