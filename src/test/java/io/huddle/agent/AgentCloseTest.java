package io.huddle.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.e2e.Fx;
import io.huddle.gateway.TestGateway;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Closing the agent mini-window: the stream's close (which waits for the stream's threads) and the last save of
 * the window's place run off the FX thread, and the app is told it may exit only after both.
 */
class AgentCloseTest {
    @TempDir
    Path dir;

    @Test
    void closingTheWindowStopsTheSessionOffTheFxThreadAfterTheLastSave() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.run(() -> Platform.setImplicitExit(false));
        try (TestGateway gw = TestGateway.start(dir.resolve("gateway"))) {
            SignedIn me = GatewayClient.signIn(URI.create(gw.baseUrl()), "acme", "agent1",
                    TestGateway.PASSWORD.toCharArray());
            SettingsFile settings = new SettingsFile(dir.resolve("agent-settings.json"));
            CompletableFuture<Boolean> closedOnFx = new CompletableFuture<>();
            CompletableFuture<UserSettings.WindowPlace> savedWhenClosed = new CompletableFuture<>();
            Stage stage = Fx.call(() -> {
                Stage s = new Stage();
                AgentApp.open(s, me, settings, () -> {
                    savedWhenClosed.complete(settings.load().windows().get("agent"));
                    closedOnFx.complete(Platform.isFxApplicationThread());
                });
                return s;
            });
            Fx.run(() -> {
                stage.setX(123);
                stage.hide();
            });

            assertThat(closedOnFx.get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS)).as("closed on the FX thread").isFalse();
            assertThat(savedWhenClosed.get()).as("the window's place, saved before the app is told").isNotNull()
                    .extracting(UserSettings.WindowPlace::x).isEqualTo(123.0);
        }
    }
}
