package io.huddle.cli;

import io.huddle.console.ConsoleLauncher;
import io.huddle.domain.AdminChange;
import io.huddle.domain.GroupMapping;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.OidcProvider;
import io.huddle.domain.Role;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on to try on one computer ({@code mvn -B -Pdemo-sso test}, README): a demo OpenID provider whose
 * sign-in page asks for a user name and the ID token's claims, the demo gateway with its simulated contact
 * centers (tenant acme trusts the provider; groups "Huddle Supervisors" and "Huddle Agents" map to the roles),
 * and the supervisor console's sign-in form on it. Everything stops when the console is closed. Test scope: not
 * in the shipped jar.
 */
public final class DemoSso {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSso.class);
    static final String TENANT = "acme";

    private DemoSso() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("huddle-demo-sso");
        MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(true, null, null, false,
                new OAuth2TokenProvider(), Set.of(), new NettyWrapper()));
        provider.start();
        try (GatewayServer gateway = GatewayServer.start(GatewayConfig.of("127.0.0.1", 0, dir.resolve("gateway"),
                true)); DemoPlatform platform = DemoPlatform.start(gateway, dir.resolve("gateway"))) {
            String issuer = provider.issuerUrl("demo").toString();
            gateway.store().saveIdentitySettings(settings(issuer), new AdminChange(UUID.randomUUID().toString(),
                    TENANT, Instant.now(), "cli", "cli", "identity.update", "tenant", TENANT,
                    "single sign-on with the demo provider " + issuer));
            {
                URI front = URI.create(gateway.baseUrl());
                SettingsFile settings = new SettingsFile(dir.resolve("console-settings.json"));
                settings.save(UserSettings.defaults().withSignIn(front.toString(), TENANT, null));
                LOG.info("""
                        
                        Demo single sign-on: gateway {} (tenant {}), OpenID provider {}
                        In the console, click "Sign in with Demo ID". On the provider's page type
                          user name:  supervisor1
                          claims:     {"groups": ["Huddle Supervisors"]}
                        ("Huddle Agents" makes an agent, whom the console refuses; no group: no role.)
                        """, front, TENANT, issuer);
                ConsoleLauncher.runWithSignIn(front.toString(), settings,
                        settings.path().toAbsolutePath().resolveSibling("journal"));
            }
        } finally {
            provider.shutdown();
        }
    }

    /** Acme trusts the demo provider: the user name is the token's subject, the groups its "groups" claim. */
    static IdentitySettings settings(String issuer) {
        return new IdentitySettings(TENANT, true, new OidcProvider("Demo ID", issuer, "huddle-desktop", null, "sub",
                "sub", "groups", List.of("openid", "profile")), true, List.of(
                new GroupMapping("Huddle Supervisors", Set.of(Role.AWA_MANAGER), "support"),
                new GroupMapping("Huddle Agents", Set.of(Role.AWA_AGENT), "support")));
    }
}
