package io.huddle.gateway.http;

import io.huddle.domain.DomainException;
import io.huddle.gateway.analytics.Analytics;
import io.huddle.gateway.analytics.AnalyticsRequest;
import io.huddle.gateway.store.AnalyticsFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/analytics}: help-request and intervention figures as JSON, or as CSV when the caller accepts
 * {@code text/csv} (docs/analytics.md).
 */
final class AnalyticsApi {
    static final String BASE = RestApi.BASE + "/analytics";
    /** The most values one repeated filter parameter may carry. */
    static final int MAX_FILTER_VALUES = 50;

    private final HttpSupport http;
    private final Analytics analytics;

    AnalyticsApi(HttpSupport http, Analytics analytics) {
        this.http = http;
        this.analytics = analytics;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE + "/help-requests", ctx -> {
            var body = analytics.helpRequests(HttpSupport.user(ctx), request(ctx));
            if (wantsCsv(ctx)) {
                AnalyticsCsv.write(ctx, "huddle-help-requests.csv", AnalyticsCsv.helpRequests(body));
            } else {
                http.send(ctx, 200, body);
            }
        });
        routes.get(BASE + "/interventions", ctx -> {
            var body = analytics.interventions(HttpSupport.user(ctx), request(ctx));
            if (wantsCsv(ctx)) {
                AnalyticsCsv.write(ctx, "huddle-interventions.csv", AnalyticsCsv.interventions(body));
            } else {
                http.send(ctx, 200, body);
            }
        });
    }

    private static AnalyticsRequest request(Context ctx) {
        AnalyticsFilter filter = new AnalyticsFilter(values(ctx, "channel"), values(ctx, "queue"),
                values(ctx, "reason"), values(ctx, "agentId"), values(ctx, "supervisorId"));
        return new AnalyticsRequest(HttpSupport.instantParam(ctx, "from"), HttpSupport.instantParam(ctx, "to"),
                AnalyticsRequest.group(ctx.queryParam("groupBy")), filter);
    }

    /** A repeatable filter parameter: its non-blank values, at most {@link #MAX_FILTER_VALUES}. */
    private static Set<String> values(Context ctx, String name) {
        List<String> raw = ctx.queryParams(name);
        Set<String> values = new LinkedHashSet<>();
        for (String v : raw) {
            if (v != null && !v.isBlank()) {
                values.add(v.strip());
            }
        }
        if (values.size() > MAX_FILTER_VALUES) {
            throw DomainException.badRequest("query parameter '" + name + "' may be given at most "
                    + MAX_FILTER_VALUES + " times");
        }
        return values;
    }

    private static boolean wantsCsv(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/csv");
    }
}
