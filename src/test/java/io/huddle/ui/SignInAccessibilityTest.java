package io.huddle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.Browser;
import io.huddle.e2e.ConsoleFixture;
import io.huddle.e2e.Fx;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.testing.AccessibilityAudit;
import io.huddle.testing.FocusWalk;
import io.huddle.testing.HttpBrowser;
import io.huddle.testing.OidcTestProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign-in form, against a real gateway whose tenant acme signs in with a real OpenID provider and globex with
 * passwords only: every field and button has a name and help text in each of its states, and the keyboard's focus
 * goes down the form in the order it reads.
 */
class SignInAccessibilityTest {
    @TempDir
    Path dir;
    private ConsoleFixture fx;
    private OidcTestProvider provider;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> new Thread(r, "huddle-sign-in-test"));
    private final SoftAssertions soft = new SoftAssertions();
    private Stage stage;

    @BeforeEach
    void start() {
        fx = ConsoleFixture.start(dir);
        provider = OidcTestProvider.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (stage != null) {
            Fx.run(stage::hide);
        }
        io.shutdownNow();
        assertThat(io.awaitTermination(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        provider.close();
        fx.close();
        soft.assertAll();
    }

    @Test
    void theFormWithPasswordsOnlyIsNamedExplainedAndReadInOrder() throws Exception {
        openForm("globex", new HttpBrowser());
        Fx.eventually(() -> assertThat(shown("#password")).isTrue());
        assertNoOffenders("the form with passwords only");

        FocusWalk walk = FocusWalk.tab(fx.robot(), stage, 20);
        assertThat(walk.problems()).as(walk.report()).isEmpty();
        assertThat(walk.stops()).extracting(s -> s.node().getId()).as(walk.report())
                .containsExactly("server", "tenant", "username", "password"); // Sign in waits for a password
    }

    @Test
    void theFormWithSingleSignOnIsNamedExplainedAndReadInOrder() throws Exception {
        provider.trustedBy(fx.gateway().server().store(), "acme", true);
        openForm("acme", HttpBrowser.missing());
        Fx.eventually(() -> assertThat(shown("#sso-sign-in")).isTrue());
        assertNoOffenders("Sign in with " + OidcTestProvider.DISPLAY_NAME + " beside the password");

        FocusWalk walk = FocusWalk.tab(fx.robot(), stage, 20);
        assertThat(walk.problems()).as(walk.report()).isEmpty();
        assertThat(walk.stops()).extracting(s -> s.node().getId()).as(walk.report())
                .containsExactly("server", "tenant", "username", "password", "sso-sign-in");

        // no browser: the address to open by hand, with Copy and Cancel
        Fx.run(() -> ((Button) node("#sso-sign-in")).fire());
        Fx.eventually(() -> assertThat(shown("#sso-address")).isTrue());
        assertNoOffenders("no browser: the address to open by hand");
    }

    @Test
    void theFormWithPasswordsTurnedOffIsNamedAndExplained() throws Exception {
        provider.trustedBy(fx.gateway().server().store(), "acme", false);
        openForm("acme", new HttpBrowser());
        Fx.eventually(() -> assertThat(shown("#password-sign-in")).isTrue());
        assertNoOffenders("passwords turned off: the provider and the link back to passwords");
    }

    /** The supervisor's sign-in form as the console shows it, with the server and tenant remembered. */
    private void openForm(String tenant, Browser browser) throws Exception {
        SettingsFile settings = new SettingsFile(dir.resolve("console-settings.json"));
        settings.save(UserSettings.defaults().withSignIn(fx.gateway().baseUrl(), tenant, "supervisor1"));
        SignInFlow flow = new SignInFlow(null, settings, new SignInFlow.App("awa_manager", "a supervisor",
                "Sign in to Huddle (supervisor)"), session -> { }, (s, session, exit) -> { }, browser, io);
        stage = Fx.call(() -> {
            Stage s = new Stage();
            flow.start(s, () -> { });
            return s;
        });
    }

    private void assertNoOffenders(String state) {
        List<AccessibilityAudit.Offender> offenders = Fx.call(() -> AccessibilityAudit.of(stage));
        soft.assertThat(offenders).as("%s: %s", state, AccessibilityAudit.report(offenders)).isEmpty();
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
}
