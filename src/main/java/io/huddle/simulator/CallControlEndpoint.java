package io.huddle.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.huddle.protocol.platform.CallControlRequest;
import io.huddle.protocol.platform.PlatformSignature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated platform's call-control endpoint, as an adapter serves one: it checks the gateway's
 * signature, answers a re-sent control (same requestId) as it answered it first, and puts supervisors'
 * legs in place on its calls, or refuses when the call is not live here. Owns its HTTP server.
 */
final class CallControlEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallControlEndpoint.class);
    static final String PATH = "/controls";

    private final ObjectMapper json;
    private final Clock clock;
    private final String tenant;
    private final SimulatedFloor floor;
    private final AtomicReference<String> secret = new AtomicReference<>();
    private final Cache<String, Integer> answered = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Javalin server;

    CallControlEndpoint(ObjectMapper json, Clock clock, String tenant, SimulatedFloor floor, String host, int port) {
        this.json = json;
        this.clock = clock;
        this.tenant = tenant;
        this.floor = floor;
        this.server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.routes.post(PATH, this::control);
        });
        server.start(host, port);
    }

    URI url(String host) {
        return URI.create("http://" + host + ":" + server.port() + PATH);
    }

    /** The secret the gateway signs with; until it is set every control is refused. */
    void secret(String s) {
        secret.set(s);
    }

    private void control(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        String key = secret.get();
        String problem = key == null ? "not connected yet"
                : !tenant.equals(ctx.header(PlatformSignature.TENANT_HEADER)) ? "this platform serves tenant " + tenant
                : PlatformSignature.problem(ctx.header(PlatformSignature.SIGNATURE_HEADER), key, body, clock.instant());
        if (problem != null) {
            answer(ctx, 401, "bad_signature", problem);
            return;
        }
        CallControlRequest c;
        try {
            c = json.readValue(body, CallControlRequest.class);
        } catch (IOException e) {
            answer(ctx, 400, "bad_request", "not a call-control request");
            return;
        }
        if (c.requestId() == null || c.type() == null || c.interactionId() == null) {
            answer(ctx, 400, "bad_request", "requestId, type and interactionId are required");
            return;
        }
        Integer before = answered.getIfPresent(c.requestId());
        if (before != null) {
            ctx.status(before); // the same control again: the same answer, nothing done twice
            return;
        }
        SimulatedFloor.Call call = floor.call(c.interactionId());
        if (call == null) {
            answer(ctx, 404, "unknown_interaction", "no live contact " + c.interactionId() + " on this platform");
            return;
        }
        switch (c.type()) {
            case MONITOR, COACH, BARGE_IN -> floor.leg(call.id(), c.supervisorId(), true);
            case DISCONNECT -> floor.leg(call.id(), c.supervisorId(), false);
            default -> { }
        }
        LOG.debug("{} {} on {} by {}", c.type().wire(), c.requestId(), call.id(), c.supervisorId());
        answered.put(c.requestId(), 204);
        ctx.status(204);
    }

    private void answer(Context ctx, int status, String error, String message) {
        try {
            ctx.status(status).contentType("application/json")
                    .result(json.writeValueAsBytes(Map.of("error", error, "message", message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(status);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
