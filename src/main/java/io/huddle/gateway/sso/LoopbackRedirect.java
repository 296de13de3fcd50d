package io.huddle.gateway.sso;

import io.huddle.domain.DomainException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The redirect URIs a native app may use (RFC 8252, section 7.3): plain HTTP to the loopback interface by IP
 * literal, with the port the app listens on. Nothing else, so a code can only come back to this machine's app.
 */
final class LoopbackRedirect {
    private LoopbackRedirect() {
    }

    static URI parse(String value) {
        String rule = "field 'redirectUri' must be http://127.0.0.1:<port>/… or http://[::1]:<port>/…";
        if (value == null || value.isBlank() || value.length() > 500) {
            throw DomainException.badRequest(rule);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw DomainException.badRequest(rule + " (it is not a URI)");
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
        if (!"http".equals(uri.getScheme()) || !loopback || uri.getPort() < 1 || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw DomainException.badRequest(rule);
        }
        return uri;
    }
}
