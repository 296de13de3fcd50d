package io.huddle.gateway.ops;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The gateway's metrics in a Prometheus registry: the JVM's, the hooks of {@link GatewayMetrics} as counters and
 * timers, and gauges read when Prometheus scrapes. Every label has a bounded set of values: tenants only where a
 * tenant's own platform or streams are measured, route templates rather than paths. Owned by the gateway and
 * closed with it.
 */
public final class MicrometerMetrics implements GatewayMetrics, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter applied;
    private final Counter duplicates;
    private final Counter ignored;
    private final Counter eventsSent;
    private final Timer fanOut;
    private final Meter.MeterProvider<Timer> commands;
    private final Meter.MeterProvider<Timer> platformCalls;
    private final Meter.MeterProvider<Counter> uploads;
    private final Counter entriesStored;
    private final MultiGauge openStreams;
    private final MultiGauge breachedHelpRequests;
    private volatile Supplier<Map<String, Integer>> streamsByTenant = Map::of;
    private volatile Supplier<Map<String, Integer>> breachedByTenant = Map::of;

    public MicrometerMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        applied = eventsIn("applied");
        duplicates = eventsIn("duplicate");
        ignored = eventsIn("ignored");
        eventsSent = Counter.builder("huddle.stream.events.sent")
                .description("Numbered stream frames (floor events) handed to sockets").register(registry);
        fanOut = latency("huddle.stream.fanout.delay", FAN_OUT_BUCKETS)
                .description("From a floor event's publication to its frame being handed to a stream's socket")
                .register(registry);
        commands = latency("huddle.stream.commands", CALL_BUCKETS)
                .description("Stream commands by wire type and outcome, answer included").withRegistry(registry);
        platformCalls = latency("huddle.platform.calls", CALL_BUCKETS)
                .description("Call controls sent to a tenant's platform, retries included").withRegistry(registry);
        uploads = Counter.builder("huddle.journal.uploads").description("Action journal uploads by result")
                .withRegistry(registry);
        entriesStored = Counter.builder("huddle.journal.entries.stored")
                .description("Action journal entries stored from uploads").register(registry);
        openStreams = MultiGauge.builder("huddle.streams.open")
                .description("Streams with a socket attached, per tenant").register(registry);
        breachedHelpRequests = MultiGauge.builder("huddle.help.requests.breached")
                .description("Help requests still waiting past their tenant's service level (acceptWithin)")
                .register(registry);
    }

    private Counter eventsIn(String result) {
        return Counter.builder("huddle.platform.events.received").tag("result", result)
                .description("Events taken from tenants' platforms, by what became of them").register(registry);
    }

    /** The fan-out delay's histogram buckets: 100 µs to 1 s. */
    static final Duration[] FAN_OUT_BUCKETS = millis(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000);
    /** The buckets of a request, a command or a platform call: 1 ms to 10 s. */
    static final Duration[] CALL_BUCKETS = millis(1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000);

    private static Duration[] millis(double... values) {
        Duration[] d = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = Duration.ofNanos((long) (values[i] * 1_000_000));
        }
        return d;
    }

    /**
     * A timer with a histogram of a few fixed buckets (13, plus +Inf): enough for quantiles in Grafana, and few
     * series per label set.
     */
    static Timer.Builder latency(String name, Duration[] buckets) {
        return Timer.builder(name).serviceLevelObjectives(buckets);
    }

    /**
     * Gauges read at each scrape: open streams per tenant, help requests waiting for a supervisor, and those of
     * them waiting past their tenant's service level, per tenant.
     */
    public void watch(Supplier<Map<String, Integer>> openStreamsByTenant, IntSupplier pendingHelpRequests,
                      Supplier<Map<String, Integer>> breachedHelpRequestsByTenant) {
        this.streamsByTenant = openStreamsByTenant;
        this.breachedByTenant = breachedHelpRequestsByTenant;
        Gauge.builder("huddle.help.requests.pending", pendingHelpRequests, IntSupplier::getAsInt)
                .description("Help requests waiting for a supervisor to accept them").strongReference(true)
                .register(registry);
    }

    /** The platform calls' circuit breakers and bulkheads, one of each per tenant (label {@code name}). */
    public void watchPlatform(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
    }

    /** For the HTTP server's timing ({@link HttpMetrics}). */
    MeterRegistry registry() {
        return registry;
    }

    /** Everything in Prometheus's text format. */
    public String scrape() {
        openStreams.register(streamsByTenant.get().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("tenant", e.getKey()), e.getValue())).toList(), true);
        breachedHelpRequests.register(breachedByTenant.get().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("tenant", e.getKey()), e.getValue())).toList(), true);
        return registry.scrape();
    }

    @Override
    public void platformEvents(int appliedEvents, int duplicateEvents, int ignoredEvents) {
        applied.increment(appliedEvents);
        duplicates.increment(duplicateEvents);
        ignored.increment(ignoredEvents);
    }

    @Override
    public void eventsSent(int frames) {
        eventsSent.increment(frames);
    }

    @Override
    public void fanOutDelay(long nanos) {
        fanOut.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void command(String type, String outcome, long nanos) {
        commands.withTags("type", type, "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void platformCall(String tenant, String outcome, long nanos) {
        platformCalls.withTags("tenant", tenant, "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void journalUpload(String outcome, int storedEntries) {
        uploads.withTags("result", outcome).increment();
        entriesStored.increment(storedEntries);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
