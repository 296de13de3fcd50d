package io.huddle.testing;

import io.huddle.client.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * A browser driven over HTTP, for single sign-on tests: it opens the provider's authorization URL (the provider
 * signs the person in at once and redirects), then follows the redirect to the app's loopback listener, the way
 * a browser would, on its own thread. {@link #page()} is what the listener showed. {@code redirect} may change
 * where the provider sent it (a forged state, an error answer) before it is followed.
 */
public final class HttpBrowser implements Browser {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final UnaryOperator<URI> redirect;
    private final CompletableFuture<URI> opened = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<String>> page = new CompletableFuture<>();

    public HttpBrowser() {
        this(u -> u);
    }

    public HttpBrowser(UnaryOperator<URI> redirect) {
        this.redirect = redirect;
    }

    @Override
    public void open(URI authorizationUrl) {
        opened.complete(authorizationUrl);
        CompletableFuture.runAsync(() -> {
            try {
                HttpResponse<String> provider = http.send(HttpRequest.newBuilder(authorizationUrl).build(),
                        HttpResponse.BodyHandlers.ofString());
                URI location = URI.create(provider.headers().firstValue("Location").orElseThrow(() ->
                        new IllegalStateException("the provider did not redirect: " + provider.statusCode())));
                page.complete(http.send(HttpRequest.newBuilder(redirect.apply(location)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            } catch (IOException | RuntimeException e) {
                page.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                page.completeExceptionally(e);
            }
        });
    }

    /** The authorization URL the app opened. */
    public CompletableFuture<URI> opened() {
        return opened;
    }

    /** What the app's loopback listener answered the browser. */
    public CompletableFuture<HttpResponse<String>> page() {
        return page;
    }

    /** A browser that goes nowhere: the person closed the window. */
    public static Browser nowhere(CompletableFuture<URI> opened) {
        return opened::complete;
    }

    /** A browser that cannot be opened. */
    public static Browser missing() {
        return page -> {
            throw new IOException("no browser on this computer");
        };
    }
}
