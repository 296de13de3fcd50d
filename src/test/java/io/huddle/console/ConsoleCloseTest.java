package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.e2e.Fx;
import io.huddle.gateway.TestGateway;
import io.huddle.journal.Journal;
import io.huddle.journal.JournalScope;
import io.huddle.journal.JournalSession;
import io.huddle.protocol.JournalEntry;
import io.huddle.settings.SettingsFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Closing the console: the window goes at once and the FX thread is free, while the journaled sign-out, its
 * upload and the last save of the window's place finish on the console's own shutdown thread, and only then
 * does the app exit. The gateway is slow here (a proxy holds what the console sends), so a close that waited
 * for the sign-out on the FX thread would return only after the app had exited.
 */
class ConsoleCloseTest {
    @TempDir
    Path dir;

    @Test
    void closingHidesTheWindowAtOnceAndSignsOutInTheBackground() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.run(() -> Platform.setImplicitExit(false));
        try (TestGateway gw = TestGateway.start(dir.resolve("gateway"));
             HoldingProxy proxy = new HoldingProxy(URI.create(gw.baseUrl()).getPort())) {
            SignedIn direct = GatewayClient.signIn(URI.create(gw.baseUrl()), "acme", "supervisor1",
                    TestGateway.PASSWORD.toCharArray());
            SignedIn me = new SignedIn(URI.create("http://127.0.0.1:" + proxy.port()), direct.token(),
                    direct.expiresAt(), direct.user());
            SettingsFile settings = new SettingsFile(dir.resolve("settings").resolve("console-settings.json"));
            Path journalDir = dir.resolve("journal");
            ConsoleApp app = new ConsoleApp(me, settings, null, null, journalDir);
            CountDownLatch exited = new CountDownLatch(1);
            Stage stage = Fx.call(() -> {
                Stage s = new Stage();
                app.start(s, exited::countDown);
                return s;
            });
            Fx.eventually(() -> assertThat(Fx.call(() -> ((Labeled) stage.getScene().lookup("#connection-status"))
                    .getText())).startsWith("Connected to"));

            proxy.hold();
            boolean[] afterClose = Fx.call(() -> {
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
                return new boolean[] {stage.isShowing(), exited.getCount() == 0};
            });
            assertThat(afterClose[0]).as("the window is still showing after the close request").isFalse();
            assertThat(afterClose[1]).as("the close request returned only after the app had shut down").isFalse();
            assertThat(exited.getCount()).as("exited while the gateway had not taken the sign-out").isEqualTo(1);

            proxy.release();
            assertThat(exited.await(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).as("the app exits after the shutdown")
                    .isTrue();
            assertThat(gw.call("GET", "/api/v1/me", direct.token(), null).statusCode())
                    .as("signed out at the gateway").isEqualTo(401);
            JournalScope scope = new JournalScope("acme", me.user().domain(), me.user().id());
            try (Journal journal = Journal.open(JournalSession.fileFor(journalDir, "acme", "supervisor1"), scope,
                    Clock.systemUTC())) {
                List<JournalEntry> entries = journal.entriesAfter(0, 100, Integer.MAX_VALUE);
                assertThat(entries).extracting(e -> e.action() + "/" + e.phase() + "/" + e.outcome())
                        .containsExactly("SIGN_IN/OUTCOME/ACK", "SIGN_OUT/INTENT/null", "SIGN_OUT/OUTCOME/ACK");
            }
            assertThat(settings.load().windows()).as("the window's place was saved").containsKey("console");
        }
    }
}
