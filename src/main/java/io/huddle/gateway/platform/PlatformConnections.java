package io.huddle.gateway.platform;

import io.huddle.domain.DomainException;
import io.huddle.domain.PlatformConnection;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.GatewayStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's platform connection: read on every signed request and every control, changed by the
 * tenant's admin. Kept in memory after the first read; only tenants the store knows are kept, so a request
 * naming made-up tenants cannot grow it.
 */
public final class PlatformConnections {
    static final int MAX_URL = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayStore store;
    private final Clock clock;
    private final Map<String, PlatformConnection> known = new ConcurrentHashMap<>();

    public PlatformConnections(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The tenant's connection; a tenant with none yet has one with no URL and no secret. */
    public PlatformConnection of(String tenant) {
        PlatformConnection c = known.get(tenant);
        if (c != null) {
            return c;
        }
        Optional<PlatformConnection> stored = store.platformConnection(tenant);
        if (stored.isPresent()) {
            known.put(tenant, stored.get());
            return stored.get();
        }
        return PlatformConnection.none(tenant);
    }

    /** Sets where the tenant's controls go. Admins only. */
    public synchronized PlatformConnection setCallControlUrl(User admin, String url) {
        requireAdmin(admin);
        PlatformConnection next = of(admin.tenant()).withCallControlUrl(checkedUrl(url));
        return save(next);
    }

    /** Makes a new secret (the old one stops working at once) and answers it: the only time it is shown. */
    public synchronized String newSecret(User admin) {
        requireAdmin(admin);
        String secret = newSecretText();
        save(of(admin.tenant()).withSecret(secret, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return secret;
    }

    private static String newSecretText() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Sets the tenant's call-control URL and answers its secret, making one when there is none: for a
     * composition root whose platform runs in the same process (the demo). People use the admin's methods.
     */
    public synchronized String connect(String tenant, String url) {
        PlatformConnection now = of(tenant).withCallControlUrl(checkedUrl(url));
        if (!now.hasSecret()) {
            now = now.withSecret(newSecretText(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
        return save(now).secret();
    }

    /** The admin's view: never the secret. */
    public PlatformConnection view(User admin) {
        requireAdmin(admin);
        return of(admin.tenant());
    }

    private PlatformConnection save(PlatformConnection next) {
        store.savePlatformConnection(next);
        known.put(next.tenant(), next);
        return next;
    }

    private static void requireAdmin(User user) {
        if (!user.has(Role.ADMIN)) {
            throw DomainException.forbidden("the platform connection is managed by the tenant's admin");
        }
    }

    /** An absolute http(s) URL, or null to disconnect the tenant's controls. */
    static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL) {
            throw DomainException.badRequest("field 'callControlUrl' is longer than " + MAX_URL + " characters");
        }
        try {
            URI u = new URI(trimmed);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw DomainException.badRequest("field 'callControlUrl' must be an absolute http or https URL");
            }
            if (u.getUserInfo() != null) {
                throw DomainException.badRequest("field 'callControlUrl' must not carry credentials: requests are"
                        + " signed with the tenant's secret");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw DomainException.badRequest("field 'callControlUrl' is not a URL: " + e.getReason());
        }
    }
}
