package io.huddle.console;

import io.huddle.settings.SettingsFile;
import io.huddle.ui.AwtTrayIcon;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.SignInFlow;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the console: for the embedded demo, at once with a window that says what is starting; for a server,
 * after a sign-in form. Blocks until it exits. While it runs, a request to stop the JVM (SIGTERM, Ctrl+C)
 * signs the console out as closing its window does ({@link ExitSignOut}).
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    /**
     * Shows the console's window at once and runs {@code starter} (start the demo gateway, sign in) on a
     * background thread meanwhile; the window then becomes the console, or says why it could not start.
     *
     * @return false when the start failed
     */
    public static boolean runStarting(ConsoleStartup.Starter starter, SettingsFile settings,
                                      SettingsFile agentSettings, Path journalDir) throws InterruptedException {
        try (ExitSignOut onExit = ExitSignOut.install()) {
            ConsoleStartup startup = new ConsoleStartup(starter, settings, agentSettings, journalDir,
                    onExit::attach);
            startup.begin(); // the demo gateway starts while the toolkits do
            AwtTrayIcon.prepareToolkit();
            FxLauncher.run(startup);
            return !startup.failed();
        }
    }

    /**
     * Asks for a sign-in (remembering everything but the password), opens the supervisor's journal off the FX
     * thread, then opens the console.
     */
    public static void runWithSignIn(String server, SettingsFile settings, Path journalDir)
            throws InterruptedException {
        AtomicReference<ConsoleApp> app = new AtomicReference<>();
        try (ExitSignOut onExit = ExitSignOut.install()) {
            AwtTrayIcon.prepareToolkit();
            runWithSignIn(server, settings, journalDir, app, onExit);
        }
    }

    private static void runWithSignIn(String server, SettingsFile settings, Path journalDir,
                                      AtomicReference<ConsoleApp> app, ExitSignOut onExit)
            throws InterruptedException {
        SignInFlow.run(server, settings, "awa_manager", "a supervisor", "Sign in to Huddle (supervisor)",
                session -> {
                    ConsoleApp console = new ConsoleApp(session, settings, null, null, journalDir);
                    app.set(console);
                    onExit.attach(console);
                    try {
                        console.prepare();
                    } catch (RuntimeException e) {
                        // start() tells the person, without trying again
                    }
                },
                (stage, session, exit) -> app.get().start(stage, exit));
    }
}
