package io.huddle.cli;

import io.huddle.journal.JournalException;
import io.huddle.journal.JournalVerifier;
import io.huddle.protocol.JournalChain;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huddle journal verify}: walks the hash chain and names the first entry that breaks it. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Walk a journal's hash chain and name the first entry that breaks it.",
                "Exit status: 0 intact, 1 broken, 2 not readable."})
public final class JournalVerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", description = "A journal file or a JSON export of one (default: every journal in "
            + "the user's data directory + /journal).")
    Path file;

    @Option(names = "--acked", paramLabel = "SEQ:HASH", description = "The seq and hash the gateway acknowledged "
            + "(GET /api/v1/journal/devices/{id}): shows a cut-off tail. Default: what the file remembers.")
    String acked;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        JournalChain.Anchor anchor = anchor(cmd);
        PrintWriter out = cmd.getOut();
        int worst = 0;
        for (Path f : JournalCommand.files(cmd, file)) {
            try {
                JournalChain.Report r = JournalVerifier.verify(f, anchor);
                if (r.ok()) {
                    out.println("OK      " + f + ": " + r.entries() + " entries"
                            + (r.entries() == 0 ? "" : ", chain intact up to seq " + r.lastSeq() + " (hash "
                            + r.lastHash() + ")"));
                } else {
                    out.println("BROKEN  " + f + ": at seq " + r.firstBreak().seq() + " (" + r.firstBreak().problem()
                            + "): " + r.firstBreak().message() + "; " + r.entries() + " entries before it hold");
                    worst = Math.max(worst, 1);
                }
            } catch (JournalException e) {
                cmd.getErr().println("UNREADABLE " + f + ": " + e.getMessage());
                worst = 2;
            }
        }
        out.flush();
        return worst;
    }

    private JournalChain.Anchor anchor(CommandLine cmd) {
        if (acked == null) {
            return null;
        }
        String[] parts = acked.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9a-f]{64}")) {
            throw new CommandLine.ParameterException(cmd, "--acked must be SEQ:HASH, e.g. 42:<64 hex digits>");
        }
        return new JournalChain.Anchor(Long.parseLong(parts[0]), parts[1]);
    }
}
