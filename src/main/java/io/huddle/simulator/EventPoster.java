package io.huddle.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.platform.PlatformEvent;
import io.huddle.protocol.platform.PlatformEventBatch;
import io.huddle.protocol.platform.PlatformSignature;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the simulated platform's events to the gateway as a real adapter does: signed batches in order,
 * each event re-sent with its own id until the gateway has it (so a lost answer applies nothing twice).
 * Events wait in an outbox while the gateway is away; {@link #backlog()} lets the simulation pause.
 * Used from the simulator's one thread.
 */
final class EventPoster {
    private static final Logger LOG = LoggerFactory.getLogger(EventPoster.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final URI events;
    private final String tenant;
    private final String secret;
    private final Deque<PlatformEvent> outbox = new ArrayDeque<>();
    private Instant quietUntil = Instant.MIN;
    private String lastProblem;

    EventPoster(OkHttpClient http, ObjectMapper json, Clock clock, URI gateway, String tenant, String secret) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.events = gateway.resolve("/api/v1/platform/events");
        this.tenant = tenant;
        this.secret = secret;
    }

    void add(List<PlatformEvent> more) {
        outbox.addAll(more);
    }

    int backlog() {
        return outbox.size();
    }

    /** Sends what waits, a batch at a time, until the outbox is empty or the gateway cannot take more now. */
    void flush() {
        while (!outbox.isEmpty() && !clock.instant().isBefore(quietUntil)) {
            List<PlatformEvent> batch = new ArrayList<>();
            for (PlatformEvent e : outbox) {
                if (batch.size() == PlatformEventBatch.MAX_EVENTS) {
                    break;
                }
                batch.add(e);
            }
            if (!send(batch)) {
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                outbox.removeFirst();
            }
        }
    }

    /** True when the batch is done with (applied, or refused for good); false to try it again later. */
    private boolean send(List<PlatformEvent> batch) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new PlatformEventBatch(batch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a platform event cannot be written as JSON", e);
        }
        Request request = new Request.Builder().url(events.toString())
                .header(PlatformSignature.TENANT_HEADER, tenant)
                .header(PlatformSignature.SIGNATURE_HEADER, PlatformSignature.header(secret, clock.instant(), body))
                .post(RequestBody.create(body, JSON_TYPE)).build();
        try (Response r = http.newCall(request).execute()) {
            String answer = r.body() == null ? "" : r.body().string();
            if (r.isSuccessful()) {
                said(null);
                return true;
            }
            if (r.code() == 429 || r.code() >= 500) {
                long wait = retryAfter(r.header("Retry-After"));
                quietUntil = clock.instant().plusSeconds(wait);
                said("the gateway answered " + r.code() + "; trying again in " + wait + " s: " + answer);
                return false;
            }
            // 400, 401, 413: sending the same batch again cannot help
            LOG.warn("the gateway refused {} event(s) of tenant {} ({}): {}", batch.size(), tenant, r.code(), answer);
            return true;
        } catch (IOException e) {
            quietUntil = clock.instant().plusSeconds(2);
            said("the gateway cannot be reached (" + e.getMessage() + "); " + outbox.size() + " event(s) wait");
            return false;
        }
    }

    /** Logs a problem once when it starts and once when it is over, not on every try. */
    private void said(String problem) {
        if (problem == null && lastProblem != null) {
            LOG.info("events of tenant {} reach the gateway again", tenant);
        } else if (problem != null && lastProblem == null) {
            LOG.warn("events of tenant {}: {}", tenant, problem);
        }
        lastProblem = problem;
    }

    private static long retryAfter(String header) {
        try {
            return header == null ? 2 : Math.max(1, Math.min(60, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return 2;
        }
    }
}
