package io.huddle.gateway.platform;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.huddle.domain.DomainException;
import io.huddle.domain.InteractionState;
import io.huddle.domain.PlatformConnection;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import io.huddle.gateway.floor.PlatformFact;
import io.huddle.gateway.floor.PlatformSide;
import io.huddle.gateway.ops.GatewayMetrics;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.protocol.platform.PlatformEvent;
import io.huddle.protocol.platform.PlatformEventReader;
import io.huddle.protocol.platform.PlatformSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Platform API's inbound side: a signed batch of a platform's events becomes floor facts, applied once
 * each (docs/platform.md). The only caller of the floor's platform methods in the product.
 */
public final class PlatformIntake {
    /** A tenant's platform may send this many events a second; more is answered 429 with Retry-After. */
    public static final int EVENTS_PER_SECOND = 20_000;

    private final PlatformEventReader reader;
    private final GatewayStore store;
    private final PlatformSide floor;
    private final PlatformConnections connections;
    private final Clock clock;
    private final RateLimiterRegistry limits;
    private final GatewayMetrics metrics;

    public PlatformIntake(PlatformEventReader reader, GatewayStore store, PlatformSide floor,
                          PlatformConnections connections, Clock clock, int eventsPerSecond) {
        this(reader, store, floor, connections, clock, eventsPerSecond, GatewayMetrics.NONE);
    }

    public PlatformIntake(PlatformEventReader reader, GatewayStore store, PlatformSide floor,
                          PlatformConnections connections, Clock clock, int eventsPerSecond, GatewayMetrics metrics) {
        this.metrics = metrics;
        this.reader = reader;
        this.store = store;
        this.floor = floor;
        this.connections = connections;
        this.clock = clock;
        this.limits = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(eventsPerSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
    }

    /** Too many events: how long the platform should wait before it sends again. */
    public static final class Flooded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Flooded(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Checks the signature, reads the whole batch, and applies it; answers what it did. */
    public PlatformFact.Outcome receive(String tenant, String signature, byte[] body) {
        String t = tenant == null ? "" : tenant.strip();
        PlatformConnection connection = t.isEmpty() || t.length() > 100 ? null : connections.of(t);
        if (connection == null || !connection.hasSecret()) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "the " + PlatformSignature.TENANT_HEADER
                    + " header names no tenant with a platform secret");
        }
        String problem = PlatformSignature.problem(signature, connection.secret(), body, clock.instant());
        if (problem != null) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, problem);
        }
        List<PlatformEvent> events = reader.read(body);
        RateLimiter limiter = limits.rateLimiter(t);
        if (!events.isEmpty() && !limiter.acquirePermission(Math.min(events.size(),
                limiter.getRateLimiterConfig().getLimitForPeriod()))) {
            throw new Flooded("more than " + limiter.getRateLimiterConfig().getLimitForPeriod()
                    + " events a second from tenant " + t + "'s platform: send again after 1 s", 1);
        }
        PlatformFact.Outcome outcome = floor.applyPlatformFacts(t, facts(t, events));
        metrics.platformEvents(outcome.applied(), outcome.duplicates(), outcome.ignored());
        return outcome;
    }

    private List<PlatformFact> facts(String tenant, List<PlatformEvent> events) {
        Map<String, Optional<User>> people = new HashMap<>();
        List<PlatformFact> facts = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            PlatformEvent e = events.get(i);
            if (e instanceof PlatformEvent.InteractionStarted s) {
                int index = i;
                User agent = person(people, tenant, s.agentId()).orElseThrow(() -> DomainException.badRequest(
                        "events[" + index + "].agentId '" + s.agentId() + "' is the platformUserId of no user of"
                                + " tenant " + tenant));
                facts.add(new PlatformFact.Started(e.id(), e.at(), e.interactionId(), s.channel(), agent,
                        s.customerName(), s.queue()));
            } else if (e instanceof PlatformEvent.StateChanged c) {
                facts.add(new PlatformFact.StateChanged(e.id(), e.at(), e.interactionId(),
                        InteractionState.valueOf(c.state().name())));
            } else if (e instanceof PlatformEvent.TranscriptLine l) {
                facts.add(new PlatformFact.Line(e.id(), e.at(), e.interactionId(),
                        TranscriptLine.Speaker.valueOf(l.speaker().name()), l.text()));
            } else if (e instanceof PlatformEvent.InteractionEnded) {
                facts.add(new PlatformFact.Ended(e.id(), e.at(), e.interactionId()));
            } else if (e instanceof PlatformEvent.LegEnded l) {
                facts.add(new PlatformFact.LegEnded(e.id(), e.at(), e.interactionId(),
                        person(people, tenant, l.supervisorId()).orElse(null), l.reason()));
            }
        }
        return facts;
    }

    private Optional<User> person(Map<String, Optional<User>> people, String tenant, String platformUserId) {
        return people.computeIfAbsent(platformUserId, id -> store.findUserByPlatformId(tenant, id));
    }
}
