package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.agent.AgentLauncher;
import io.huddle.logging.DesktopLogFile;
import io.huddle.settings.SettingsPlaces;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code huddle agent}: the agent mini-window, after a sign-in. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Open the agent mini-window (asks for a sign-in; remembers all but the password).")
public final class AgentCommand implements Callable<Integer> {

    @Option(names = "--server", description = "Gateway address, e.g. http://gateway:8787 (default: the last one).")
    String server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return DesktopStart.run(spec.commandLine(), this::open);
    }

    private int open() throws Exception {
        AppDirs dirs = AppDirs.system();
        DesktopLogFile.start(dirs.logDir(), "agent");
        AgentLauncher.runWithSignIn(server, new SettingsPlaces(dirs).agent());
        return 0;
    }
}
