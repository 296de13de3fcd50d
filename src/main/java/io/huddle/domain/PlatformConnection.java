package io.huddle.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How the gateway reaches one tenant's contact-center platform: the URL its call controls go to, and the
 * secret that signs requests both ways (docs/platform.md). Either may be missing until an admin sets it.
 * The secret never appears in {@link #toString()}, so a log line cannot leak it.
 */
public record PlatformConnection(String tenant, String callControlUrl, String secret, Instant secretSetAt) {
    public PlatformConnection {
        Objects.requireNonNull(tenant, "tenant");
    }

    public static PlatformConnection none(String tenant) {
        return new PlatformConnection(tenant, null, null, null);
    }

    public PlatformConnection withCallControlUrl(String url) {
        return new PlatformConnection(tenant, url, secret, secretSetAt);
    }

    public PlatformConnection withSecret(String newSecret, Instant at) {
        return new PlatformConnection(tenant, callControlUrl, newSecret, at);
    }

    public boolean hasSecret() {
        return secret != null;
    }

    /** True when controls can be sent: a URL to send them to and a secret to sign them with. */
    public boolean canSendControls() {
        return callControlUrl != null && secret != null;
    }

    @Override
    public String toString() {
        return "PlatformConnection[tenant=" + tenant + ", callControlUrl=" + callControlUrl + ", secret="
                + (secret == null ? "none" : "set at " + secretSetAt) + "]";
    }
}
