package io.huddle.client;

import java.net.URI;

/**
 * The gateway could not be reached or did not answer in time (connection refused, unknown host,
 * timeout, dropped connection). The message reads, for example, "cannot reach the gateway at
 * http://127.0.0.1:8080: connection refused".
 */
public final class GatewayUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final URI gateway;

    public GatewayUnreachableException(URI gateway, String reason, Throwable cause) {
        super("cannot reach the gateway at " + display(gateway) + ": " + reason, cause);
        this.gateway = gateway;
    }

    public URI gateway() {
        return gateway;
    }

    static String display(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
