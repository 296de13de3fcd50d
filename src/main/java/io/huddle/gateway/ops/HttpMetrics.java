package io.huddle.gateway.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.time.Duration;

/**
 * Times every HTTP request the gateway answers by method, route template ({@code /api/v1/interactions/{id}},
 * never the raw path, so the labels stay few), status and outcome. A request no route matched is
 * {@code NOT_FOUND}. Javalin calls it after each request, with the time the request took. A request a before-handler
 * answered (a 401 from the sign-in check) never reached its route, so its template is looked up in the router.
 */
public final class HttpMetrics implements RequestLogger {
    static final String UNMATCHED = "NOT_FOUND";

    private final Meter.MeterProvider<Timer> requests;
    private volatile InternalRouter router;

    public HttpMetrics(MicrometerMetrics metrics) {
        this.requests = MicrometerMetrics.latency("http.server.requests", MicrometerMetrics.CALL_BUCKETS)
                .description("HTTP requests by route template").withRegistry(metrics.registry());
    }

    /** The server whose routes name the requests that a before-handler answered. */
    public void routesOf(Javalin app) {
        this.router = app.unsafe.internalRouter;
    }

    @Override
    public void handle(Context ctx, Float executionMillis) {
        String uri = template(ctx);
        int status = ctx.statusCode();
        requests.withTags("method", ctx.method().name(), "uri", uri, "status", Integer.toString(status),
                "outcome", Outcome.forStatus(status).name())
                .record(Duration.ofNanos((long) (executionMillis * 1_000_000.0)));
    }

    private String template(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        InternalRouter r = router;
        ParsedEndpoint route = r == null ? null : r.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
        return route == null ? UNMATCHED : route.endpoint.path;
    }
}
