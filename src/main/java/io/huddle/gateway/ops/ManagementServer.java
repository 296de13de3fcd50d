package io.huddle.gateway.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port, apart from the API so that it can stay on a private address: {@code /metrics}
 * (Prometheus's text format), {@code /health/live} (the process answers) and {@code /health/ready} (200 when
 * {@link Readiness} says so, 503 otherwise). Anything else is 404; only GET and HEAD are answered. Owns its
 * one thread and stops it in {@link #close()}.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;
    private final ObjectMapper json;
    private final Supplier<String> scrape;
    private final Readiness readiness;

    private ManagementServer(HttpServer server, ObjectMapper json, Supplier<String> scrape, Readiness readiness) {
        this.server = server;
        this.json = json;
        this.scrape = scrape;
        this.readiness = readiness;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "huddle-management");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext("/", this::answer);
    }

    /** Listens on {@code host}:{@code port} (0: any free port). */
    public static ManagementServer start(String host, int port, ObjectMapper json, Supplier<String> scrape,
                                         Readiness readiness) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for management requests on " + host + ":" + port, e);
        }
        ManagementServer m = new ManagementServer(http, json, scrape, readiness);
        http.start();
        LOG.info("management endpoints (/metrics, /health/live, /health/ready) on http://{}:{}", host, m.port());
        return m;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "application/json", body("status", "method not allowed"));
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, scrape.get());
                case "/health/live" -> send(exchange, 200, "application/json", body("status", "UP"));
                case "/health/ready" -> {
                    Readiness.Check check = readiness.check();
                    send(exchange, check.ready() ? 200 : 503, "application/json",
                            json.writeValueAsString(Map.of("status", check.ready() ? "UP" : "DOWN",
                                    "detail", check.detail())));
                }
                default -> send(exchange, 404, "application/json", body("status", "not found"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("management request {} failed", exchange.getRequestURI().getPath(), e);
            throw e;
        }
    }

    private String body(String key, String value) throws JsonProcessingException {
        return json.writeValueAsString(Map.of(key, value));
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
