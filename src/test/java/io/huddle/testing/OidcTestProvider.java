package io.huddle.testing;

import io.huddle.domain.AdminChange;
import io.huddle.domain.GroupMapping;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.OidcProvider;
import io.huddle.domain.Role;
import io.huddle.gateway.store.GatewayStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID provider on loopback (mock-oauth2-server) and the identity settings that make a tenant trust it.
 * Non-interactive by default: the next sign-in gets the claims {@link #nextSignIn} gave it.
 */
public final class OidcTestProvider implements AutoCloseable {
    public static final String ISSUER_ID = "huddle";
    public static final String CLIENT_ID = "huddle-desktop";
    public static final String DISPLAY_NAME = "Demo ID";
    private final MockOAuth2Server server;

    public OidcTestProvider(MockOAuth2Server server) {
        this.server = server;
        server.start();
    }

    public static OidcTestProvider start() {
        return new OidcTestProvider(new MockOAuth2Server());
    }

    public MockOAuth2Server server() {
        return server;
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The next code this provider hands out signs in {@code username} with these groups. */
    public void nextSignIn(String username, List<String> groups) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "sub-" + username, "JWT", null,
                Map.of("preferred_username", username, "name", username, "groups", groups), 3600));
    }

    /** Makes {@code tenant} trust this provider, with the supervisors' and agents' group mappings. */
    public void trustedBy(GatewayStore store, String tenant, boolean localSignIn) {
        store.saveIdentitySettings(settings(tenant, localSignIn), new AdminChange(UUID.randomUUID().toString(), tenant,
                Instant.now(), "cli", "cli", "identity.update", "tenant", tenant, "single sign-on with " + issuer()));
    }

    public IdentitySettings settings(String tenant, boolean localSignIn) {
        return new IdentitySettings(tenant, localSignIn, new OidcProvider(DISPLAY_NAME, issuer(), CLIENT_ID, null,
                null, null, null, List.of("openid", "profile")), true, List.of(
                new GroupMapping("Huddle Supervisors", Set.of(Role.AWA_MANAGER), "support"),
                new GroupMapping("Huddle Agents", Set.of(Role.AWA_AGENT), "support")));
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
