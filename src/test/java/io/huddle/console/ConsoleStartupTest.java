package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.GatewayClient;
import io.huddle.e2e.Fx;
import io.huddle.gateway.TestGateway;
import io.huddle.settings.SettingsFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The demo console's start: the window shows before the gateway has started or the supervisor signed in, says
 * what it is doing, and becomes the console; a failure is said in it with a way out; closing it while it
 * starts undoes the start. The "gateway start" here is a starter the test holds until it lets it go.
 */
class ConsoleStartupTest {
    @TempDir
    Path dir;
    private TestGateway gw;
    private final CountDownLatch letGo = new CountDownLatch(1);
    private final CountDownLatch exited = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.run(() -> Platform.setImplicitExit(false));
        gw = TestGateway.start(dir.resolve("gateway"));
    }

    @AfterEach
    void stop() {
        letGo.countDown();
        gw.close();
    }

    private ConsoleStartup startup(ConsoleStartup.Starter starter) {
        return new ConsoleStartup(starter, new SettingsFile(dir.resolve("settings").resolve("console-settings.json")),
                new SettingsFile(dir.resolve("settings").resolve("agent-settings.json")), dir.resolve("journal"));
    }

    /** Signs in to the test gateway once the test lets it go, saying so first. */
    private ConsoleStartup.Started heldSignIn(java.util.function.Consumer<String> step) throws Exception {
        step.accept("Signing in as supervisor1 of acme…");
        assertThat(letGo.await(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new ConsoleStartup.Started(GatewayClient.signIn(URI.create(gw.baseUrl()), "acme", "supervisor1",
                TestGateway.PASSWORD.toCharArray()), null);
    }

    private static String text(Stage stage, String id) {
        return Fx.call(() -> {
            Node n = stage.getScene().lookup(id);
            return n == null ? null : ((Labeled) n).getText();
        });
    }

    @Test
    void theWindowShowsAtOnceAndBecomesTheConsoleOnceTheDemoHasStarted() throws Exception {
        ConsoleStartup startup = startup(this::heldSignIn);
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            startup.start(s, exited::countDown);
            return s;
        });

        assertThat(Fx.call(stage::isShowing)).isTrue();
        assertThat(Fx.call(stage::getTitle)).isEqualTo("Huddle — supervisor console");
        Fx.eventually(() -> assertThat(text(stage, "#starting-step")).isEqualTo("Signing in as supervisor1 of acme…"));
        assertThat(text(stage, "#connection-status")).as("the console before the sign-in").isNull();

        letGo.countDown();
        Fx.eventually(() -> assertThat(text(stage, "#connection-status")).startsWith("Connected to"));
        assertThat(text(stage, "#starting-step")).isNull();

        Fx.run(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(exited.await(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(startup.failed()).isFalse();
    }

    @Test
    void aStartBegunBeforeTheToolkitThatEndsBeforeTheWindowShowsOpensTheConsoleWhenItDoes() throws Exception {
        letGo.countDown();
        ConsoleStartup startup = startup(this::heldSignIn);
        startup.begin();
        startup.workDone().get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS);

        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            startup.start(s, exited::countDown);
            return s;
        });

        Fx.eventually(() -> assertThat(text(stage, "#connection-status")).startsWith("Connected to"));
        assertThat(text(stage, "#starting-step")).isNull();
        Fx.run(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(exited.await(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(startup.failed()).isFalse();
    }

    @Test
    void aFailureBeforeTheWindowShowsIsSaidInItOnceItDoes() throws Exception {
        ConsoleStartup startup = startup(step -> {
            throw new ConsoleStartup.StartFailure("The demo contact center could not start", "Its data folder"
                    + " cannot be written.", null);
        });
        startup.begin();
        startup.workDone().get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS);

        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            startup.start(s, exited::countDown);
            return s;
        });

        Fx.eventually(() -> assertThat(text(stage, "#starting-failed"))
                .isEqualTo("The demo contact center could not start"));
        assertThat(startup.failed()).isTrue();
        Fx.run(() -> ((Button) stage.getScene().lookup("#starting-quit")).fire());
        assertThat(exited.await(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailureToStartIsSaidInTheWindowWithAWayOut() throws Exception {
        ConsoleStartup startup = startup(step -> {
            throw new ConsoleStartup.StartFailure("The demo contact center is already running",
                    "Another Huddle console on this computer is running the demo contact center.", null);
        });
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            startup.start(s, exited::countDown);
            return s;
        });

        Fx.eventually(() -> assertThat(text(stage, "#starting-failed"))
                .isEqualTo("The demo contact center is already running"));
        assertThat(text(stage, "#starting-failed-detail"))
                .isEqualTo("Another Huddle console on this computer is running the demo contact center.");
        assertThat(Fx.call(stage::getTitle)).isEqualTo("Huddle — the demo contact center is already running");
        assertThat(exited.getCount()).as("exited before the person read it").isEqualTo(1);

        Fx.run(() -> ((Button) stage.getScene().lookup("#starting-quit")).fire());
        assertThat(exited.await(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(Fx.call(stage::isShowing)).isFalse();
        assertThat(startup.failed()).isTrue();
    }

    @Test
    void closingTheWindowWhileItStartsLetsTheStartFinishAndOpensNoConsole() throws Exception {
        ConsoleStartup startup = startup(this::heldSignIn);
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            startup.start(s, exited::countDown);
            return s;
        });
        Fx.eventually(() -> assertThat(text(stage, "#starting-step")).isEqualTo("Signing in as supervisor1 of acme…"));

        Fx.run(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(Fx.call(stage::isShowing)).as("the window goes at once").isFalse();
        assertThat(exited.getCount()).as("exited while the start was still running").isEqualTo(1);

        letGo.countDown();
        assertThat(exited.await(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dir.resolve("journal"))).as("a console (and its journal) opened after all").isFalse();
        assertThat(Fx.call(stage::isShowing)).isFalse();
    }
}
