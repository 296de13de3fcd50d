package io.huddle.console;

import io.huddle.client.SignedIn;
import io.huddle.settings.SettingsFile;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.SignInFlow;
import java.util.concurrent.Callable;

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
        SignInFlow.run(server, settings, "awa_manager", "a supervisor", "Sign in to Huddle (supervisor)",
                (stage, session, exit) -> new ConsoleApp(session, settings, null, null).start(stage, exit));
    }
}
