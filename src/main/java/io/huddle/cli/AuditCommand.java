package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.gateway.audit.JournalAudit;
import io.huddle.gateway.store.JournalDevice;
import io.huddle.gateway.store.SqliteGatewayStore;
import io.huddle.protocol.JournalVerification;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huddle audit verify}: checks the journals a gateway stored, device by device. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit what a gateway stored.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the hash chain of every journal device a gateway stored (or one).",
                    "Exit status: 0 intact, 1 broken."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", description = "The gateway's data directory (default: the user's data directory"
                + " + /gateway).")
        Path data;

        @Option(names = "--device", description = "Only this device id.")
        String device;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            Path db = (data != null ? data : AppDirs.data().resolve("gateway")).resolve("gateway.db");
            if (!Files.isRegularFile(db)) {
                throw new CommandLine.ParameterException(cmd, "no gateway database at " + db + ": name its --data");
            }
            PrintWriter out = cmd.getOut();
            int broken = 0;
            try (SqliteGatewayStore store = SqliteGatewayStore.open(db)) {
                JournalAudit audit = new JournalAudit(store);
                List<JournalDevice> devices = device == null ? store.journalDevices(null, null)
                        : store.journalDevice(device).map(List::of).orElseThrow(() ->
                        new CommandLine.ParameterException(cmd, "the gateway holds no journal device '" + device + "'"));
                for (JournalDevice d : devices) {
                    JournalVerification v = audit.verify(d);
                    String who = d.deviceId() + " (" + d.tenant() + "/" + d.domain() + " " + d.supervisorId() + ")";
                    if (v.ok()) {
                        out.println("OK      " + who + ": " + v.entries() + " entries, up to seq " + v.highestSeq());
                    } else {
                        broken++;
                        out.println("BROKEN  " + who + ": at seq " + v.firstBreak().seq() + " ("
                                + v.firstBreak().problem() + "): " + v.firstBreak().message());
                    }
                }
                out.println(devices.size() + " device(s) verified, " + broken + " broken");
            }
            out.flush();
            return broken == 0 ? 0 : 1;
        }
    }
}
