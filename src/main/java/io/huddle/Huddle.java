package io.huddle;

import io.huddle.cli.AdminCommand;
import io.huddle.cli.AgentCommand;
import io.huddle.cli.AuditCommand;
import io.huddle.cli.ConsoleCommand;
import io.huddle.cli.GatewayCommand;
import io.huddle.cli.JournalCommand;
import io.huddle.cli.SimulatorCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code huddle gateway | simulator | console | agent | journal | audit | admin}. */
@Command(name = "huddle", mixinStandardHelpOptions = true, versionProvider = Huddle.VersionProvider.class,
        description = "Supervisor call monitoring: console, agent window and the reference CCaaS gateway.")
public final class Huddle implements Runnable {
    /** The subcommands, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line for these arguments. When they name a subcommand, only that one is built: picocli reads
     * every command's options when it is added, and building all of them (with the classes they load) took a few
     * hundred milliseconds before the console's window could start. Without one, or with {@code help}, all are.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine root = new CommandLine(new Huddle());
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first) && !first.equals("help")) {
            root.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> root.addSubcommand(name, command.get()));
        }
        return root;
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("gateway", GatewayCommand::new);
        commands.put("simulator", SimulatorCommand::new);
        commands.put("console", ConsoleCommand::new);
        commands.put("agent", AgentCommand::new);
        commands.put("journal", JournalCommand::new);
        commands.put("audit", AuditCommand::new);
        commands.put("admin", AdminCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the build's version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"huddle " + Version.current()};
        }
    }
}
