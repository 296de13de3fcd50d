package io.huddle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.client.BrowserSignInException.Kind;
import io.huddle.gateway.TestGateway;
import io.huddle.testing.HttpBrowser;
import io.huddle.testing.OidcTestProvider;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on from the app's side, against a real OpenID provider and the gateway's contract (docs/identity.md):
 * the browser is driven over HTTP, the loopback listener is real.
 */
class BrowserSignInTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;
    private TestGateway gw;
    private OidcTestProvider provider;
    private URI base;
    private final AtomicReference<URI> shown = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        gw = TestGateway.start(dir);
        provider = OidcTestProvider.start();
        provider.trustedBy(gw.server().store(), "acme", true);
        base = URI.create(gw.baseUrl());
    }

    @AfterEach
    void stop() {
        provider.close();
        gw.close();
    }

    private BrowserSignIn signIn(Browser browser, Duration wait) {
        return new BrowserSignIn(base, "acme", browser, wait);
    }

    private SignedIn run(BrowserSignIn attempt) {
        return attempt.signIn((page, opened) -> shown.set(page));
    }

    @Test
    void theOptionsSayWhichTenantSignsInWithItsProvider() {
        SignInOptions acme = SignInOptions.fetch(base, "acme");
        assertThat(acme.singleSignOn()).isTrue();
        assertThat(acme.sso().displayName()).isEqualTo(OidcTestProvider.DISPLAY_NAME);
        assertThat(acme.localSignIn()).isTrue();
        assertThat(SignInOptions.fetch(base, "globex").singleSignOn()).isFalse();
        assertThat(SignInOptions.fetch(base, "nobody").sso()).isNull();
    }

    @Test
    void aPersonSignsInAtTheProviderAndGetsTheGatewaysSession() throws Exception {
        provider.nextSignIn("supervisor1", List.of("Huddle Supervisors"));
        HttpBrowser browser = new HttpBrowser();

        SignedIn session = run(signIn(browser, WAIT));

        assertThat(session.user().username()).isEqualTo("supervisor1");
        assertThat(session.user().roles()).contains("awa_manager");
        assertThat(new GatewayClient(session).me().username()).as("the session works").isEqualTo("supervisor1");
        URI authorization = browser.opened().get(1, TimeUnit.SECONDS);
        assertThat(authorization.toString()).startsWith(provider.issuer()).contains("code_challenge_method=S256")
                .doesNotContain("code_verifier");
        assertThat(shown.get()).isEqualTo(authorization);
        HttpResponse<String> page = browser.page().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Signed in to Huddle").contains("You can close this tab and go back to Huddle.");
        assertPortFreed(page.uri());
    }

    @Test
    void theProvidersRefusalIsSaidInWords() throws Exception {
        HttpBrowser browser = new HttpBrowser(location -> URI.create(location.toString().replaceFirst("code=[^&]*",
                "error=access_denied&error_description=User+cancelled")));

        assertThatThrownBy(() -> run(signIn(browser, WAIT)))
                .isInstanceOfSatisfying(BrowserSignInException.class, e -> assertThat(e.kind())
                        .isEqualTo(Kind.REFUSED_BY_PROVIDER))
                .hasMessage("the sign-in was refused or cancelled at the identity provider (access_denied: User"
                        + " cancelled)");
        HttpResponse<String> page = browser.page().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(page.body()).contains("Not signed in").contains("refused or cancelled");
        assertPortFreed(page.uri());
    }

    @Test
    void aRedirectWithAnotherStateIsRefused() throws Exception {
        provider.nextSignIn("supervisor1", List.of("Huddle Supervisors"));
        HttpBrowser browser = new HttpBrowser(location -> URI.create(location.toString().replaceFirst("state=[^&]*",
                "state=forged")));

        assertThatThrownBy(() -> run(signIn(browser, WAIT)))
                .isInstanceOfSatisfying(BrowserSignInException.class, e -> assertThat(e.kind())
                        .isEqualTo(Kind.WRONG_STATE))
                .hasMessageContaining("does not belong to this sign-in");
        HttpResponse<String> page = browser.page().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(page.body()).contains("does not belong to the sign-in Huddle started");
        assertPortFreed(page.uri());
    }

    @Test
    void aPersonWithoutAMappedGroupIsRefusedWithTheGatewaysMessage() throws Exception {
        provider.nextSignIn("newcomer", List.of("Marketing"));
        HttpBrowser browser = new HttpBrowser();

        assertThatThrownBy(() -> run(signIn(browser, WAIT)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("newcomer");
        HttpResponse<String> page = browser.page().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(page.body()).contains("Not signed in").contains("newcomer");
        assertPortFreed(page.uri());
    }

    @Test
    void noAnswerFromTheBrowserTimesOutAndFreesThePort() throws Exception {
        CompletableFuture<URI> opened = new CompletableFuture<>();

        assertThatThrownBy(() -> run(signIn(HttpBrowser.nowhere(opened), Duration.ofMillis(200))))
                .isInstanceOfSatisfying(BrowserSignInException.class, e -> assertThat(e.kind())
                        .isEqualTo(Kind.TIMED_OUT))
                .hasMessageStartingWith("the sign-in window was closed or timed out");
        assertPortFreed(redirectUri(opened.get()));
    }

    @Test
    void cancellingWhileTheBrowserIsOpenFreesThePort() throws Exception {
        CompletableFuture<URI> opened = new CompletableFuture<>();
        BrowserSignIn attempt = signIn(HttpBrowser.nowhere(opened), WAIT);
        CompletableFuture<SignedIn> running = CompletableFuture.supplyAsync(() -> run(attempt));
        URI page = opened.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        attempt.cancel();

        assertThatThrownBy(() -> running.get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasCauseInstanceOf(
                BrowserSignInException.class).cause().hasMessage("the sign-in was cancelled");
        assertPortFreed(redirectUri(page));
    }

    @Test
    void withoutABrowserThePersonIsGivenTheAddressAndCanStillFinish() throws Exception {
        provider.nextSignIn("supervisor1", List.of("Huddle Supervisors"));
        HttpBrowser person = new HttpBrowser();
        AtomicReference<Boolean> opened = new AtomicReference<>();

        SignedIn session = signIn(HttpBrowser.missing(), WAIT).signIn((page, wasOpened) -> {
            opened.set(wasOpened);
            person.open(page); // the person copies the address into a browser
        });

        assertThat(opened.get()).isFalse();
        assertThat(session.user().username()).isEqualTo("supervisor1");
    }

    private static URI redirectUri(URI authorizationUrl) {
        for (String pair : authorizationUrl.getRawQuery().split("&")) {
            if (pair.startsWith("redirect_uri=")) {
                return URI.create(java.net.URLDecoder.decode(pair.substring(13), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no redirect_uri in the authorization URL");
    }

    /** Nothing listens on the loopback port any more, and no listener thread is left. */
    private static void assertPortFreed(URI redirect) {
        assertThat(redirect.getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> new Socket(InetAddress.getByName("127.0.0.1"), redirect.getPort()).close())
                .isInstanceOf(ConnectException.class);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("huddle-sso-loopback") && t.isAlive()));
    }
}
