package io.huddle.cli;

import io.huddle.journal.JournalExport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huddle journal export}: a journal's entries as CSV or JSON, for an auditor. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a journal's entries as CSV or JSON (JSON can be checked with 'journal verify').")
public final class JournalExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", required = true, description = "csv or json")
    String format;

    @Option(names = "--from", description = "Only entries from this client time on (ISO-8601 UTC, inclusive).")
    String from;

    @Option(names = "--to", description = "Only entries before this client time (ISO-8601 UTC, exclusive).")
    String to;

    @Option(names = "--file", description = "The journal (default: the only one in the user's data directory"
            + " + /journal).")
    Path file;

    @Option(names = "--out", description = "Write here (complete or not at all) instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        JournalExport.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> JournalExport.Format.CSV;
            case "json" -> JournalExport.Format.JSON;
            default -> throw new CommandLine.ParameterException(cmd, "--format must be csv or json");
        };
        Instant start = JournalCommand.instant(cmd, "--from", from);
        Instant end = JournalCommand.instant(cmd, "--to", to);
        List<Path> files = JournalCommand.files(cmd, file);
        if (files.size() > 1) {
            throw new CommandLine.ParameterException(cmd, "there are " + files.size() + " journals: name one with"
                    + " --file (" + files + ")");
        }
        if (out == null) {
            JournalExport.write(files.get(0), f, start, end, cmd.getOut());
            return 0;
        }
        Path absolute = out.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".huddle-export-", ".tmp");
        try {
            long n;
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                n = JournalExport.write(files.get(0), f, start, end, w);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            cmd.getOut().println("wrote " + n + " entries to " + absolute);
            return 0;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
