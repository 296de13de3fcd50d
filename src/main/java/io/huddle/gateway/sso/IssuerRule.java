package io.huddle.gateway.sso;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which issuer URLs a tenant may trust: https, or plain http to a loopback host only (a provider on the
 * gateway's own machine: tests and the demo). No query or fragment, as OpenID Connect Discovery requires.
 */
public final class IssuerRule {
    private IssuerRule() {
    }

    /** Why this issuer cannot be used, or empty when it can. */
    public static Optional<String> defect(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.of("is required");
        }
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            return Optional.of("must be an absolute URL with a host and no query or fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must be an https URL (plain http only for a loopback host such as 127.0.0.1)");
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost: never resolved here, so DNS cannot make it loopback
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
