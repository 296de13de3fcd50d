package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.journal.JournalSession;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code huddle journal verify | export}: the supervisor's action journal on this device. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Verify or export the supervisor action journal kept on this device.",
        subcommands = {JournalVerifyCommand.class, JournalExportCommand.class})
public final class JournalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the console keeps journals: the user's data directory + /journal. */
    static Path defaultDir() {
        return AppDirs.data().resolve("journal");
    }

    /** The given file, or every journal in the default directory; a usage error when there is none. */
    static List<Path> files(CommandLine cmd, Path file) {
        if (file != null) {
            return List.of(file);
        }
        List<Path> found = JournalSession.files(defaultDir());
        if (found.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, "no journal in " + defaultDir() + ": name one with --file");
        }
        return found;
    }

    static Instant instant(CommandLine cmd, String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cmd, option + " must be an ISO-8601 UTC time such as"
                    + " 2026-11-24T13:02:11.123Z, not '" + value + "'");
        }
    }
}
