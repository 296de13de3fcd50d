package io.huddle.console;

import io.huddle.client.SignedIn;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.ui.FxBridge;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.SignInViewModel;
import io.huddle.ui.SignInWindow;
import io.huddle.ui.Theme;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;

/** Starts the console: at once for a session, or after a sign-in form for a server. Blocks until it exits. */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    public static void run(SignedIn session, SettingsFile settings, Callable<SignedIn> demoAgent,
                           SettingsFile agentSettings) throws InterruptedException {
        FxLauncher.run(new ConsoleApp(session, settings, demoAgent, agentSettings));
    }

    /** Asks for a sign-in (remembering everything but the password), then opens the console. */
    public static void runWithSignIn(String server, SettingsFile settings) throws InterruptedException {
        UserSettings saved = settings.load();
        ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "huddle-sign-in"));
        try {
            FxLauncher.run((stage, exit) -> {
                Theme.apply(saved.dark());
                FxBridge<Runnable> bridge = new FxBridge<>(batch -> batch.forEach(Runnable::run));
                bridge.start();
                SignInViewModel vm = new SignInViewModel("awa_manager", "a supervisor", bridge::post, io,
                        session -> {
                            bridge.stop();
                            remember(settings, session);
                            new ConsoleApp(session, settings, null, null).start(stage, exit);
                        });
                vm.server().set(server != null ? server : saved.server() == null ? "" : saved.server());
                vm.tenant().set(saved.tenant() == null ? "" : saved.tenant());
                vm.username().set(saved.username() == null ? "" : saved.username());
                new SignInWindow(stage, vm, "Sign in to Huddle (supervisor)");
                stage.setOnCloseRequest(e -> exit.run());
                stage.show();
            });
        } finally {
            io.shutdownNow();
        }
    }

    static void remember(SettingsFile settings, SignedIn session) {
        UserSettings next = settings.load().withSignIn(session.base().toString(), session.user().tenant(),
                session.user().username());
        try {
            settings.save(next);
        } catch (IOException e) {
            LoggerFactory.getLogger(ConsoleLauncher.class).warn("sign-in details could not be remembered in {}: {}",
                    settings.path(), e.getMessage());
        }
    }
}
