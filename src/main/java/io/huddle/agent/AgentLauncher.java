package io.huddle.agent;

import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.ui.FxBridge;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.SignInViewModel;
import io.huddle.ui.SignInWindow;
import io.huddle.ui.Theme;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;

/** Starts the agent mini-window after a sign-in; blocks until it is closed. */
public final class AgentLauncher {
    private AgentLauncher() {
    }

    public static void runWithSignIn(String server, SettingsFile settings) throws InterruptedException {
        UserSettings saved = settings.load();
        ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "huddle-sign-in"));
        try {
            FxLauncher.run((stage, exit) -> {
                Theme.apply(saved.dark());
                FxBridge<Runnable> bridge = new FxBridge<>(batch -> batch.forEach(Runnable::run));
                bridge.start();
                SignInViewModel vm = new SignInViewModel("awa_agent", "an agent", bridge::post, io, session -> {
                    bridge.stop();
                    try {
                        settings.save(settings.load().withSignIn(session.base().toString(), session.user().tenant(),
                                session.user().username()));
                    } catch (IOException e) {
                        LoggerFactory.getLogger(AgentLauncher.class).warn("sign-in details not remembered: {}",
                                e.getMessage());
                    }
                    stage.hide();
                    AgentApp.open(new javafx.stage.Stage(), session, settings, exit);
                });
                vm.server().set(server != null ? server : saved.server() == null ? "" : saved.server());
                vm.tenant().set(saved.tenant() == null ? "" : saved.tenant());
                vm.username().set(saved.username() == null ? "" : saved.username());
                new SignInWindow(stage, vm, "Sign in to Huddle (agent)");
                stage.setOnCloseRequest(e -> exit.run());
                stage.show();
            });
        } finally {
            io.shutdownNow();
        }
    }
}
