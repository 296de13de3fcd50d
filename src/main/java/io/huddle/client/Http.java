package io.huddle.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.ErrorBody;
import io.huddle.protocol.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP plumbing shared by {@link GatewayClient}: one OkHttp client (owned: {@link #close()} stops its
 * threads), URL building, and turning failures into {@link GatewayException} or
 * {@link GatewayUnreachableException}. Never logs headers, so never a token.
 */
final class Http implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    static final ObjectMapper JSON = Json.newMapper();

    private final URI base;
    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final Duration readTimeout;
    private final Duration connectTimeout;

    Http(URI base, Duration connectTimeout, Duration readTimeout) {
        this.base = base;
        this.baseUrl = HttpUrl.get(base);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        OkHttpClient.Builder builder = new OkHttpClient.Builder().connectTimeout(connectTimeout)
                .readTimeout(readTimeout).writeTimeout(readTimeout).followRedirects(false);
        if ("http".equalsIgnoreCase(base.getScheme())) {
            // every request goes to the base: plain HTTP only, so the client does not set up TLS it will never use
            // (loading the trusted certificates is a noticeable part of the demo console's start)
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        this.client = builder.build();
    }

    URI base() {
        return base;
    }

    HttpUrl url(String path, Map<String, String> query) {
        HttpUrl.Builder b = baseUrl.newBuilder().addPathSegments("api/v1/" + path);
        if (query != null) {
            query.forEach((k, v) -> {
                if (v != null) {
                    b.addQueryParameter(k, v);
                }
            });
        }
        return b.build();
    }

    /** The URL of {@code path} with query parameters that may repeat, in the order given. */
    HttpUrl urlWith(String path, java.util.List<Map.Entry<String, String>> query) {
        HttpUrl.Builder b = baseUrl.newBuilder().addPathSegments("api/v1/" + path);
        query.forEach(e -> b.addQueryParameter(e.getKey(), e.getValue()));
        return b.build();
    }

    static Request.Builder request(HttpUrl url, String token) {
        Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Runs the request; the caller closes the response. Network failures become unreachable errors. */
    Response execute(Request request) {
        try {
            Response r = client.newCall(request).execute();
            LOG.debug("{} {} -> {}", request.method(), request.url().encodedPath(), r.code());
            return r;
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** Runs the request and reads a JSON answer of the given type (null type: no body expected). */
    <T> T exchange(Request request, JavaType type) {
        try (Response r = execute(request)) {
            String body = r.body().string();
            if (!r.isSuccessful()) {
                throw error(r.code(), body);
            }
            return type == null ? null : JSON.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GatewayException(200, "invalid_response",
                    "the gateway's answer could not be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** The gateway's {error, message} body as an exception, or a generic one when the body is not one. */
    static GatewayException error(int status, String body) {
        try {
            ErrorBody e = JSON.readValue(body, ErrorBody.class);
            if (e != null && e.error() != null) {
                return new GatewayException(status, e.error(), e.message() == null ? e.error() : e.message());
            }
        } catch (IOException | RuntimeException ignored) {
            // not the gateway's error format (a proxy's page, for instance)
        }
        return new GatewayException(status, "http_" + status, "the gateway answered HTTP " + status
                + " without an error description");
    }

    GatewayUnreachableException unreachable(IOException e) {
        return new GatewayUnreachableException(base, reason(e), e);
    }

    private String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host '" + base.getHost() + "'";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof ConnectException
                    && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
                return m.contains("connect") ? "no connection within " + seconds(connectTimeout)
                        : "no answer within " + seconds(readTimeout);
            }
            if (t instanceof SSLException) {
                return "secure connection failed: " + t.getMessage();
            }
        }
        if (e instanceof ConnectException) {
            return "could not connect (" + e.getMessage() + ")";
        }
        if (e instanceof InterruptedIOException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
