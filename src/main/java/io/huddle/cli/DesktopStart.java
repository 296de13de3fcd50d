package io.huddle.cli;

import io.huddle.ui.DesktopCheck;
import io.huddle.ui.DesktopMissingException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Starts a desktop command (console, agent) only where a window can open; otherwise prints one line that
 * says what is missing and what to do, and answers {@link #NO_DESKTOP}.
 */
final class DesktopStart {
    /** The exit status when the desktop cannot show a window. */
    static final int NO_DESKTOP = 2;

    private DesktopStart() {
    }

    static int run(CommandLine cmd, Callable<Integer> app) throws Exception {
        Optional<String> missing = DesktopCheck.ofThisMachine().missing();
        if (missing.isPresent()) {
            cmd.getErr().println(missing.get());
            return NO_DESKTOP;
        }
        try {
            return app.call();
        } catch (DesktopMissingException e) {
            cmd.getErr().println(e.getMessage());
            return NO_DESKTOP;
        }
    }
}
