package io.huddle.gateway.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.huddle.domain.DomainException;
import io.huddle.domain.PlatformConnection;
import io.huddle.gateway.ops.GatewayMetrics;
import io.huddle.protocol.platform.CallControlAnswer;
import io.huddle.protocol.platform.CallControlRequest;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends call controls to tenants' platforms. Each tenant has its own bulkhead (a bounded number of controls
 * in flight), its own circuit breaker and its own retry of connection failures, so one slow or dead
 * platform costs only its own tenant: no lock is held while a control is out, and nothing waits in a queue.
 * Owns the HTTP client's executor and shuts it down in {@link #close()}.
 */
public final class PlatformCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformCalls.class);

    private final PlatformCallSettings settings;
    private final PlatformRequestSender sender;
    private final ExecutorService httpThreads;
    private final BulkheadRegistry bulkheads;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final GatewayMetrics metrics;

    public PlatformCalls(ObjectMapper json, Clock clock, PlatformCallSettings settings) {
        this(json, clock, settings, GatewayMetrics.NONE);
    }

    public PlatformCalls(ObjectMapper json, Clock clock, PlatformCallSettings settings, GatewayMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "huddle-platform-http");
            t.setDaemon(true);
            return t;
        });
        this.sender = new PlatformRequestSender(() -> HttpClient.newBuilder().executor(httpThreads)
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build(),
                json, clock, settings.timeout(), httpThreads);
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxInFlight()).maxWaitDuration(Duration.ZERO).build());
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // a refusal is the platform working: only its silence, its 5xx and a lost connection count
                .recordException(PlatformCalls::isOutage)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(1 + settings.connectRetries())
                .waitDuration(Duration.ofMillis(100))
                .retryOnException(e -> e instanceof PlatformFailure f && f.kind == PlatformFailure.Kind.CONNECTION)
                .build());
    }

    /**
     * Sends one control and answers the platform's 2xx answer. Throws a {@link DomainException} of kind
     * PLATFORM_ERROR (refused: the platform's reason), PLATFORM_TIMEOUT or PLATFORM_UNAVAILABLE.
     */
    public CallControlAnswer send(PlatformConnection connection, CallControlRequest request) {
        if (!connection.canSendControls()) {
            throw new DomainException(DomainException.Kind.PLATFORM_UNAVAILABLE,
                    "no platform is connected to tenant " + connection.tenant()
                            + ": an admin sets its call-control URL and secret");
        }
        String tenant = connection.tenant();
        Supplier<CallControlAnswer> call = () -> sender.send(connection, request);
        Supplier<CallControlAnswer> guarded = Bulkhead.decorateSupplier(bulkheads.bulkhead(tenant),
                CircuitBreaker.decorateSupplier(breakers.circuitBreaker(tenant),
                        Retry.decorateSupplier(retries.retry(tenant), call)));
        long start = System.nanoTime();
        String outcome = "error"; // what the metrics say of this call; an unforeseen failure stays "error"
        try {
            CallControlAnswer answer = guarded.get();
            outcome = "ok";
            return answer;
        } catch (BulkheadFullException e) {
            outcome = "bulkhead_full";
            throw new DomainException(DomainException.Kind.PLATFORM_UNAVAILABLE, "platform unavailable: "
                    + settings.maxInFlight() + " controls are already waiting for tenant " + tenant + "'s platform");
        } catch (CallNotPermittedException e) {
            outcome = "circuit_open";
            throw new DomainException(DomainException.Kind.PLATFORM_UNAVAILABLE,
                    "platform unavailable: its recent controls failed; the next one is tried within "
                            + settings.openFor().toSeconds() + " s");
        } catch (PlatformFailure f) {
            outcome = f.kind.name().toLowerCase(Locale.ROOT);
            LOG.warn("{} {} for tenant {} failed: {}", request.type().wire(), request.requestId(), tenant,
                    f.getMessage());
            throw f.toDomain();
        } finally {
            metrics.platformCall(tenant, outcome, System.nanoTime() - start);
        }
    }

    /**
     * Sends a control without waiting for it, for an undo after the floor refused or the platform timed out;
     * what happens is logged, nobody waits for it.
     */
    public void sendLater(PlatformConnection connection, CallControlRequest request, String why) {
        try {
            httpThreads.execute(() -> {
                try {
                    send(connection, request);
                    LOG.info("sent {} on {} to undo {}", request.type().wire(), request.interactionId(), why);
                } catch (DomainException e) {
                    LOG.warn("undoing {} on {} with {} failed: {}", why, request.interactionId(),
                            request.type().wire(), e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("undoing {} on {} was not sent: the gateway is stopping", why, request.interactionId());
        }
    }

    /** Each tenant's circuit breaker, for the gateway's metrics. */
    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    /** Each tenant's bulkhead, for the gateway's metrics. */
    public BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    /** False while the tenant's circuit is open: the controls then say the platform is unavailable. */
    public boolean available(String tenant) {
        return breakers.circuitBreaker(tenant).getState() != CircuitBreaker.State.OPEN;
    }

    private static boolean isOutage(Throwable e) {
        return e instanceof PlatformFailure f && f.kind != PlatformFailure.Kind.REFUSED;
    }

    @Override
    public void close() {
        httpThreads.shutdownNow();
        try {
            if (!httpThreads.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("platform HTTP threads did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Maps what went wrong on the wire to the failure kinds the circuit and the retry tell apart. */
    static PlatformFailure failure(Exception e, URI url, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new PlatformFailure(PlatformFailure.Kind.CONNECTION, "cannot connect to " + url.getHost()
                    + ":" + url.getPort() + " (" + e.getClass().getSimpleName() + ")");
        }
        if (e instanceof HttpTimeoutException) {
            return new PlatformFailure(PlatformFailure.Kind.TIMEOUT, "the platform did not answer within "
                    + timeout.toMillis() + " ms");
        }
        if (e instanceof JsonProcessingException) {
            return new PlatformFailure(PlatformFailure.Kind.CONNECTION, "the request could not be written");
        }
        return new PlatformFailure(PlatformFailure.Kind.CONNECTION, "the connection to " + url.getHost()
                + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
}
