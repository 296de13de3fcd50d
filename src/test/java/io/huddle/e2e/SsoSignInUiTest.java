package io.huddle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.SignedIn;
import io.huddle.console.ConsoleApp;
import io.huddle.gateway.TestGateway;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.testing.HttpBrowser;
import io.huddle.testing.OidcTestProvider;
import io.huddle.ui.SignInFlow;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's sign-in form with single sign-on, end to end: a real gateway (tenant acme trusts a real OpenID
 * provider, globex does not), the form as {@code huddle console --server} shows it, a browser driven over HTTP.
 */
class SsoSignInUiTest {
    @TempDir
    Path dir;
    private ConsoleFixture fx;
    private OidcTestProvider provider;
    private URI base;
    private final ThreadPoolExecutor io = (ThreadPoolExecutor) Executors.newCachedThreadPool(
            r -> new Thread(r, "huddle-sign-in-test"));
    private final AtomicReference<SignedIn> signedIn = new AtomicReference<>();
    private final AtomicReference<ConsoleApp> console = new AtomicReference<>();
    private final CountDownLatch exited = new CountDownLatch(1);
    private HttpBrowser browser;
    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        fx = ConsoleFixture.start(dir);
        provider = OidcTestProvider.start();
        provider.trustedBy(fx.gateway().server().store(), "acme", true);
        base = URI.create(fx.gateway().baseUrl());
        browser = new HttpBrowser();
    }

    @AfterEach
    void stop() throws Exception {
        ConsoleApp app = console.get();
        if (app != null) {
            Fx.call(app::close).get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        io.shutdownNow();
        assertThat(io.awaitTermination(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        provider.close();
        fx.close();
    }

    /** The supervisor's sign-in form as ConsoleLauncher wires it, with server and tenant remembered. */
    private void openForm(String tenant) throws Exception {
        SettingsFile settings = new SettingsFile(dir.resolve("console-settings.json"));
        settings.save(UserSettings.defaults().withSignIn(base.toString(), tenant, null)
                .withWindow("console", new UserSettings.WindowPlace(0, 0, 1440, 860, false)));
        SignInFlow flow = new SignInFlow(null, settings, new SignInFlow.App("awa_manager", "a supervisor",
                "Sign in to Huddle (supervisor)"), session -> {
            signedIn.set(session);
            ConsoleApp app = new ConsoleApp(session, settings, null, null);
            console.set(app);
            app.prepare();
        }, (s, session, exit) -> console.get().start(s, exit), browser, io);
        stage = Fx.call(() -> {
            Stage s = new Stage();
            flow.start(s, exited::countDown);
            return s;
        });
    }

    private Node node(String id) {
        return Fx.call(() -> stage.getScene().lookup(id));
    }

    private boolean shown(String id) {
        return Fx.call(() -> {
            Node n = stage.getScene().lookup(id);
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return n != null;
        });
    }

    private String text(String id) {
        return Fx.call(() -> {
            Node n = stage.getScene().lookup(id);
            return n == null ? null : ((Labeled) n).getText();
        });
    }

    @Test
    void theButtonShowsForATenantWithSingleSignOnAndNotForOneWithout() throws Exception {
        openForm("globex");
        // the form asks at once: wait for the gateway's answer to reach the screen
        Fx.eventually(() -> assertThat(io.getCompletedTaskCount()).isGreaterThanOrEqualTo(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown("#sso-sign-in")).as("globex has no single sign-on").isFalse();
        assertThat(shown("#sign-in")).isTrue();
        assertThat(shown("#password")).isTrue();

        Fx.run(() -> {
            TextField tenant = (TextField) stage.getScene().lookup("#tenant");
            tenant.requestFocus();
            tenant.setText("acme");
            stage.getScene().lookup("#username").requestFocus(); // leaving the tenant field asks
        });
        Fx.eventually(() -> assertThat(shown("#sso-sign-in")).isTrue());
        assertThat(text("#sso-sign-in")).isEqualTo("Sign in with " + OidcTestProvider.DISPLAY_NAME);
        assertThat(shown("#password")).as("acme keeps passwords").isTrue();
        assertThat(shown("#password-sign-in")).isFalse();
    }

    @Test
    void signingInWithTheProviderOpensTheConsole() throws Exception {
        provider.nextSignIn("supervisor1", List.of("Huddle Supervisors"));
        openForm("acme");
        Fx.eventually(() -> assertThat(shown("#sso-sign-in")).isTrue());

        Fx.run(() -> ((Button) node("#sso-sign-in")).fire());

        Fx.eventually(() -> assertThat(text("#connection-status")).startsWith("Connected to"));
        assertThat(signedIn.get().user().username()).isEqualTo("supervisor1");
        assertThat(browser.page().get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS).body()).contains("Signed in to Huddle");
        assertThat(exited.getCount()).isEqualTo(1);
    }

    @Test
    void aPersonWithoutARoleIsToldTheGatewaysReason() throws Exception {
        provider.nextSignIn("newcomer", List.of("Marketing"));
        openForm("acme");
        Fx.eventually(() -> assertThat(shown("#sso-sign-in")).isTrue());

        Fx.run(() -> ((Button) node("#sso-sign-in")).fire());

        Fx.eventually(() -> assertThat(text("#sign-in-error")).isEqualTo("Sign-in failed: 'newcomer' is in none of the"
                + " groups that give a role in Huddle (Huddle Supervisors, Huddle Agents): ask an administrator to add"
                + " them to one"));
        assertThat(shown("#sso-waiting")).isFalse();
        assertThat(Fx.call(() -> node("#sso-sign-in").isDisabled())).as("ready to try again").isFalse();
        assertThat(console.get()).isNull();
    }

    @Test
    void anAgentAccountIsRefusedByTheConsoleAsWithAPassword() throws Exception {
        provider.nextSignIn("agent1", List.of("Huddle Agents"));
        openForm("acme");
        Fx.eventually(() -> assertThat(shown("#sso-sign-in")).isTrue());

        Fx.run(() -> ((Button) node("#sso-sign-in")).fire());

        Fx.eventually(() -> assertThat(text("#sign-in-error"))
                .isEqualTo("Sign-in failed: agent1 is not a supervisor (role awa_manager is needed)"));
        assertThat(browser.page().get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS).body()).contains("Not signed in")
                .contains("agent1 is not a supervisor");
        assertThat(console.get()).isNull();
    }
}
