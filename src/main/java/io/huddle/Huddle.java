package io.huddle;

import io.huddle.cli.AdminCommand;
import io.huddle.cli.AgentCommand;
import io.huddle.cli.AuditCommand;
import io.huddle.cli.ConsoleCommand;
import io.huddle.cli.GatewayCommand;
import io.huddle.cli.JournalCommand;
import io.huddle.cli.SimulatorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code huddle gateway | simulator | console | agent | journal | audit | admin}. */
@Command(name = "huddle", mixinStandardHelpOptions = true, versionProvider = Huddle.VersionProvider.class,
        description = "Supervisor call monitoring: console, agent window and the reference CCaaS gateway.",
        subcommands = {GatewayCommand.class, SimulatorCommand.class, ConsoleCommand.class, AgentCommand.class,
                JournalCommand.class,
                AuditCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class Huddle implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Huddle()).execute(args));
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
