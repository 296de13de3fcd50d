package io.huddle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.huddle.protocol.platform.PlatformSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A contact-center platform's call-control endpoint that costs nothing: a JDK HTTP server on 127.0.0.1 that
 * checks each control's signature and answers 204 at once (401 to a bad signature). It notes when the last
 * control arrived and when its answer was handed to the server, in this process's nanoTime, so a benchmark
 * can tell the time before, in and after the platform apart. Owns its server; {@link #close()} stops it.
 */
final class CallControlStandIn implements AutoCloseable {
    static final String PATH = "/bench/call-control";

    /** One control as the stand-in saw it: its type, when its request was read, when its answer went. */
    record Call(String type, long arrivedNanos, long answeredNanos) {
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<String> secret = new AtomicReference<>();
    private final AtomicReference<Call> last = new AtomicReference<>();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    CallControlStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext(PATH, this::control);
        server.start(); // the server's own dispatcher thread answers: nothing waits in a queue
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The secret the gateway signs with (until it is set every control is refused). */
    void secret(String s) {
        secret.set(s);
    }

    Call last() {
        return last.get();
    }

    private void control(HttpExchange x) throws IOException {
        try (x) {
            byte[] body;
            try (InputStream in = x.getRequestBody()) {
                body = in.readAllBytes();
            }
            long arrived = System.nanoTime();
            String key = secret.get();
            String problem = key == null ? "not connected"
                    : PlatformSignature.problem(x.getRequestHeaders().getFirst(PlatformSignature.SIGNATURE_HEADER),
                            key, body, Instant.now());
            if (problem != null) {
                refused.incrementAndGet();
                byte[] answer = ("{\"error\":\"bad_signature\",\"message\":\"" + problem + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "application/json");
                x.sendResponseHeaders(401, answer.length);
                x.getResponseBody().write(answer);
                return;
            }
            JsonNode request = json.readTree(body);
            answered.incrementAndGet();
            last.set(new Call(request.path("type").asText(), arrived, System.nanoTime()));
            x.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
