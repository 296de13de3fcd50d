package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.console.ConsoleLauncher;
import io.huddle.logging.DesktopLogFile;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.SettingsPlaces;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code huddle console}: the supervisor console. Without {@code --server} it starts the embedded demo
 * gateway on a free loopback port and signs in as acme supervisor1 (behind a window that shows at once); with
 * it, it asks for a sign-in.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the supervisor console (the embedded demo gateway unless --server is given).")
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--server", description = "Gateway address, e.g. http://gateway:8787. Asks for a sign-in.")
    String server;

    @Option(names = "--data", description = "Where the embedded demo gateway keeps its data "
            + "(default: the user's data directory + /demo-gateway).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return DesktopStart.run(spec.commandLine(), this::open);
    }

    private int open() throws Exception {
        AppDirs dirs = AppDirs.system();
        DesktopLogFile.start(dirs.logDir(), "console");
        SettingsPlaces places = new SettingsPlaces(dirs);
        SettingsFile settings = places.console();
        Path journal = dirs.dataDir().resolve("journal");
        if (server != null) {
            ConsoleLauncher.runWithSignIn(server, settings, journal);
            return 0;
        }
        // the window shows at once; the gateway starts and the supervisor signs in behind it
        try (EmbeddedDemo demo = new EmbeddedDemo(data)) {
            return ConsoleLauncher.runStarting(demo::startAndSignIn, settings, places.agent(), journal) ? 0 : 1;
        }
    }
}
