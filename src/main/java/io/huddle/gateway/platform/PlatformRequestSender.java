package io.huddle.gateway.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.PlatformConnection;
import io.huddle.protocol.RequestId;
import io.huddle.protocol.platform.CallControlAnswer;
import io.huddle.protocol.platform.CallControlRequest;
import io.huddle.protocol.platform.PlatformSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Supplier;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One signed POST of a control to a platform, and what its answer means. No retries, no circuit: one attempt. */
final class PlatformRequestSender {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformRequestSender.class);
    /** A platform's answer is small; more than this is not read. */
    static final int MAX_ANSWER = 64 * 1024;
    private static final int MAX_REASON = 300;

    /** Makes the client on the first call: making one sets up TLS (the trusted certificates), which a gateway
     * whose platforms are not called yet, such as the desktop's embedded demo at its start, does not wait for. */
    private final Supplier<HttpClient> newClient;
    private volatile HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;

    private final java.util.concurrent.Executor readers;

    PlatformRequestSender(Supplier<HttpClient> newClient, ObjectMapper json, Clock clock, Duration timeout,
                          java.util.concurrent.Executor readers) {
        this.newClient = newClient;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.readers = readers;
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = newClient.get();
                    http = c;
                }
            }
        }
        return c;
    }

    CallControlAnswer send(PlatformConnection connection, CallControlRequest request) {
        URI url = URI.create(connection.callControlUrl());
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response;
        byte[] answer;
        try {
            byte[] body = json.writeValueAsBytes(request);
            String requestId = requestId(request);
            LOG.info("{} {} to tenant {}'s platform (request {})", request.type().wire(), request.requestId(),
                    connection.tenant(), requestId);
            HttpRequest post = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(RequestId.HEADER, requestId)
                    .header(PlatformSignature.TENANT_HEADER, connection.tenant())
                    .header(PlatformSignature.SIGNATURE_HEADER,
                            PlatformSignature.header(connection.secret(), clock.instant(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            response = client().send(post, HttpResponse.BodyHandlers.ofInputStream());
            answer = readWithin(response.body(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformFailure(PlatformFailure.Kind.CONNECTION, "interrupted while waiting for the platform");
        } catch (IOException e) {
            throw PlatformCalls.failure(e, url, timeout);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return answer(request, answer);
        }
        String reason = reason(answer);
        String message = "the platform refused " + request.type().wire() + " (HTTP " + status + ")"
                + (reason == null ? "" : ": " + reason);
        throw new PlatformFailure(status >= 500 ? PlatformFailure.Kind.FAILED : PlatformFailure.Kind.REFUSED,
                message);
    }

    /** The id of the person's command this control serves (logging context), else the control's own. */
    private static String requestId(CallControlRequest request) {
        String id = MDC.get(RequestId.LOG_KEY);
        return id != null ? id : request.requestId();
    }

    /**
     * Reads at most {@link #MAX_ANSWER} bytes of the answer by the control's deadline: the client's own timeout
     * ends with the headers, so a platform that stalls in its body is cut off here (closing the stream).
     */
    private byte[] readWithin(InputStream in, long deadline) throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readNBytes(MAX_ANSWER);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, readers);
        try {
            return read.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            in.close();
            throw new java.net.http.HttpTimeoutException("the answer's body did not arrive in time");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause()
                    : new IOException("the answer could not be read", e.getCause());
        }
    }

    /** A 2xx with an unreadable body still means the leg is in place: only the capabilities are unknown. */
    private CallControlAnswer answer(CallControlRequest request, byte[] body) {
        if (body.length == 0 || request.type() != CallControlRequest.Type.VIEW) {
            return CallControlAnswer.NONE;
        }
        try {
            CallControlAnswer a = json.readValue(body, CallControlAnswer.class);
            return a == null ? CallControlAnswer.NONE : a;
        } catch (IOException e) {
            LOG.warn("the platform's answer to view {} is not a capabilities object; the gateway's policy applies: {}",
                    request.requestId(), e.getMessage().lines().findFirst().orElse(""));
            return CallControlAnswer.NONE;
        }
    }

    /** The platform's {"error","message"}, quoted short; null when it sent none. */
    private String reason(byte[] body) {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) {
                return null;
            }
            String message = n.path("message").asText("");
            String error = n.path("error").asText("");
            String text = message.isEmpty() ? error : error.isEmpty() ? message : message + " (" + error + ")";
            return text.isEmpty() ? null : text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
        } catch (IOException e) {
            String raw = new String(body, StandardCharsets.UTF_8).strip();
            return raw.isEmpty() ? null : raw.length() > MAX_REASON ? raw.substring(0, MAX_REASON) + "…" : raw;
        }
    }
}
