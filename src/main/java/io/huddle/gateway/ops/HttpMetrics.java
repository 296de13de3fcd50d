package io.huddle.gateway.ops;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.time.Duration;

/**
 * Times every HTTP request the gateway answers by method, route template ({@code /api/v1/interactions/{id}},
 * never the raw path, so the labels stay few), status and outcome. A request no route matched is
 * {@code NOT_FOUND}. Javalin calls it after each request, with the time the request took.
 */
public final class HttpMetrics implements RequestLogger {
    static final String UNMATCHED = "NOT_FOUND";

    private final Meter.MeterProvider<Timer> requests;

    public HttpMetrics(MicrometerMetrics metrics) {
        this.requests = MicrometerMetrics.latency("http.server.requests", MicrometerMetrics.CALL_BUCKETS)
                .description("HTTP requests by route template").withRegistry(metrics.registry());
    }

    @Override
    public void handle(Context ctx, Float executionMillis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String uri = endpoint == null ? UNMATCHED : endpoint.path;
        int status = ctx.statusCode();
        requests.withTags("method", ctx.method().name(), "uri", uri, "status", Integer.toString(status),
                "outcome", Outcome.forStatus(status).name())
                .record(Duration.ofNanos((long) (executionMillis * 1_000_000.0)));
    }
}
