package io.huddle.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.auth.AuthenticationException;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;
import org.glassfish.tyrus.core.HandshakeException;

/**
 * The Tyrus side of the stream: one ClientManager (owned: {@link #close()} shuts it down), the bearer token
 * in the upgrade request's Authorization header (never in the URL, never logged), and readable reasons for
 * failed connections.
 */
final class StreamSocket implements AutoCloseable {
    static final int MAX_FRAME = 16 * 1024 * 1024;

    private final URI uri;
    private final ClientManager tyrus;
    private final ClientEndpointConfig config;
    private final Duration connectTimeout;

    StreamSocket(URI uri, String token, Duration connectTimeout) {
        this.uri = uri;
        this.connectTimeout = connectTimeout;
        this.tyrus = ClientManager.createClient();
        tyrus.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, connectTimeout.toMillis());
        tyrus.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, MAX_FRAME + 64);
        tyrus.setDefaultMaxTextMessageBufferSize(MAX_FRAME);
        String authorization = "Bearer " + token;
        this.config = ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                headers.put("Authorization", List.of(authorization));
            }
        }).build();
    }

    /** Blocking: connects; the endpoint's callbacks then run on Tyrus threads. */
    void connect(Endpoint endpoint) throws DeploymentException, IOException {
        tyrus.connectToServer(endpoint, config, uri);
    }

    static void closeQuietly(Session s, int code, String reason) {
        try {
            if (s.isOpen()) {
                s.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is going away anyway
        }
    }

    /** The HTTP status with which the gateway refused the upgrade, or 0 when it did not answer one. */
    static int refusedWith(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException) {
                return 401;
            }
            if (t instanceof DeploymentHandshakeException d && d.getHttpStatusCode() > 0) {
                return d.getHttpStatusCode();
            }
            if (t instanceof HandshakeException h && h.getHttpStatusCode() > 0) {
                return h.getHttpStatusCode();
            }
        }
        return 0;
    }

    /** Why a connection attempt failed, for a person. */
    String describe(Throwable e) {
        String where = "cannot reach the gateway at " + uri + ": ";
        int status = refusedWith(e);
        if (status > 0) {
            return "the gateway refused the stream (HTTP " + status + ")";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof UnknownHostException) {
                return where + "unknown host '" + uri.getHost() + "'";
            }
            if (t instanceof NoRouteToHostException) {
                return where + "no route to host";
            }
            if (t instanceof ConnectException && m.contains("refused")) {
                return where + "connection refused";
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException || m.contains("timed out")
                    || m.contains("timeout")) {
                return where + "no answer within " + Http.seconds(connectTimeout);
            }
        }
        return where + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** What a close code means, for a person. */
    static String describeClose(int code, String phrase) {
        String why = switch (code) {
            case 1000 -> "the gateway closed the stream";
            case 1001 -> "the gateway is shutting down";
            case 1006 -> "the connection dropped";
            case 1009 -> "a frame was too large";
            case 1011 -> "the gateway failed";
            case 4008 -> "the gateway closed the stream after too many errors";
            default -> "the stream closed (" + code + ")";
        };
        return phrase == null || phrase.isBlank() || why.contains(phrase) ? why : why + ": " + phrase;
    }

    @Override
    public void close() {
        tyrus.shutdown();
    }
}
