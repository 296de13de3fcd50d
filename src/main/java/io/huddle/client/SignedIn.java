package io.huddle.client;

import io.huddle.protocol.UserDto;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A successful sign-in: the gateway's base URI, the bearer token, when it expires and who signed in.
 * {@link #toString()} never shows the token.
 */
public record SignedIn(URI base, String token, Instant expiresAt, UserDto user) {
    public SignedIn {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(token, "token");
    }

    /** The stream's WebSocket address: ws(s)://host:port[/prefix]/api/v1/stream. */
    public URI streamUri() {
        return streamUri(base);
    }

    static URI streamUri(URI base) {
        String scheme = switch (String.valueOf(base.getScheme()).toLowerCase(java.util.Locale.ROOT)) {
            case "http" -> "ws";
            case "https" -> "wss";
            case "ws", "wss" -> base.getScheme();
            default -> throw new IllegalArgumentException("gateway address must start with http:// or https://: "
                    + base);
        };
        String path = base.getPath() == null ? "" : base.getPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + base.getRawAuthority() + path + "/api/v1/stream");
    }

    @Override
    public String toString() {
        return "SignedIn[base=" + base + ", user=" + (user == null ? null : user.username()) + ", expiresAt="
                + expiresAt + ", token=<hidden>]";
    }
}
