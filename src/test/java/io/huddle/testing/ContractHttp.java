package io.huddle.testing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends a request to the gateway and checks the exchange against the OpenAPI document
 * ({@link OpenApiContract}): the one door the REST test helpers send through.
 */
public final class ContractHttp {
    private ContractHttp() {
    }

    /**
     * A request as the REST tests make them: the method and JSON body (or none), and the bearer token when there is
     * one; the caller adds any other header.
     */
    public static HttpRequest.Builder request(java.net.URI uri, String method, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b;
    }

    /**
     * Sends {@code request} (whose body is {@code body}, or null for none) and checks request and answer; with
     * {@code checkRequest} false (a test's deliberately malformed request) only the answer is checked.
     */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request, String body, boolean checkRequest) {
        HttpResponse<String> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        OpenApiContract.shared().check(new OpenApiContract.Exchange(request.method(), request.uri(),
                request.headers().firstValue("Content-Type").orElse(null), body, checkRequest, r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(null), r.body(), r.headers().map()));
        return r;
    }
}
