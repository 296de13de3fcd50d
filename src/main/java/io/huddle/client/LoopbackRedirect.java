package io.huddle.client;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback listener of a native app's sign-in (RFC 8252 section 7.3): an HTTP server on 127.0.0.1 on a
 * port the system picks, which takes the identity provider's one redirect to {@code /callback} and keeps the
 * browser's request open until {@link #answer} says what to show there. {@link #close()} stops the server and
 * its threads; the browser is told something in every case. Never logs the redirect's query (code, state).
 */
final class LoopbackRedirect implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackRedirect.class);
    static final String PATH = "/callback";
    /** How long the browser's request waits for the gateway's verdict before it is told to look at the app. */
    private static final Duration VERDICT_WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService threads;
    private final URI redirectUri;
    private final int port;
    private final CompletableFuture<AuthorizationResponse> redirect = new CompletableFuture<>();
    private final CompletableFuture<String> page = new CompletableFuture<>();
    private final CountDownLatch answered = new CountDownLatch(1);

    private LoopbackRedirect(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
        this.port = server.getAddress().getPort();
        this.redirectUri = URI.create("http://127.0.0.1:" + port + PATH);
    }

    static LoopbackRedirect open() throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        // two: the redirect's request waits for the verdict while a favicon request is answered
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "huddle-sso-loopback-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        LoopbackRedirect listener = new LoopbackRedirect(server, threads);
        server.createContext("/", listener::handle);
        server.start();
        LOG.debug("single sign-on: listening for the redirect on port {}", server.getAddress().getPort());
        return listener;
    }

    /** {@code http://127.0.0.1:<port>/callback}. */
    URI redirectUri() {
        return redirectUri;
    }

    int port() {
        return port;
    }

    /**
     * Waits for the provider's redirect: a success (code and state) or an error response.
     *
     * @throws TimeoutException      when none came in time
     * @throws CancellationException when {@link #cancel()} was called
     * @throws ParseException        when the redirect was neither (its words are in the message)
     */
    AuthorizationResponse await(Duration timeout) throws TimeoutException, InterruptedException, ParseException {
        try {
            return redirect.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ParseException p) {
                throw p;
            }
            throw new IllegalStateException("the redirect could not be read", e.getCause());
        }
    }

    /** Stops waiting for the redirect; {@link #await} throws {@link CancellationException}. */
    void cancel() {
        redirect.cancel(false);
    }

    /** What the browser shows now that the sign-in has an outcome: a short title and a sentence. */
    void answer(String title, String sentence) {
        page.complete(html(title, sentence));
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean first = false;
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath()) || !"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 404, html("Not found", "This address only takes Huddle's sign-in."));
                return;
            }
            URI full = redirectUri.resolve(exchange.getRequestURI());
            try {
                first = redirect.complete(AuthorizationResponse.parse(full));
            } catch (ParseException e) {
                first = redirect.completeExceptionally(e);
            }
            if (!first) {
                send(exchange, 409, html("Already handled", "Huddle has already taken a sign-in from this window,"
                        + " or stopped waiting for one. Go back to Huddle."));
                return;
            }
            send(exchange, 200, verdict());
        } finally {
            if (first) {
                answered.countDown();
            }
        }
    }

    private String verdict() {
        try {
            return page.get(VERDICT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return html("Go back to Huddle", "Huddle is still signing you in. Go back to Huddle to see how it went.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return html("Go back to Huddle", "Go back to Huddle to see how the sign-in went.");
        }
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String html(String title, String sentence) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Huddle: " + escape(title)
                + "</title><style>body{font:16px system-ui,sans-serif;margin:15vh auto;max-width:32em;"
                + "padding:0 1em;color:#222}h1{font-size:1.4em}</style></head><body><h1>" + escape(title)
                + "</h1><p>" + escape(sentence) + "</p></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * Answers a browser still waiting (with a neutral page when no verdict was given), then stops the server and
     * its threads: the port is free when this returns.
     */
    @Override
    public void close() {
        page.complete(html("Go back to Huddle", "Huddle stopped waiting for this sign-in. Go back to Huddle."));
        redirect.cancel(false);
        if (redirect.isDone() && !redirect.isCancelled()) {
            try {
                // the browser's request is being answered: let it finish before the server stops
                answered.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        threads.shutdownNow();
        LOG.debug("single sign-on: stopped listening on port {}", port());
    }
}
