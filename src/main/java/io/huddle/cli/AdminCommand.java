package io.huddle.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code huddle admin}: a tenant's first administrator on the gateway's machine ({@code bootstrap}), and the
 * day-to-day administration of users, domains and its audit over a gateway's REST API (docs/identity.md).
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Administer a gateway's tenant: its first admin, users, domains and the audit of changes.",
        subcommands = {AdminBootstrapCommand.class, AdminUsersCommand.class, AdminDomainsCommand.class,
                AdminAuditCommand.class})
public final class AdminCommand implements Runnable {

    private final InputStream in;
    private final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public AdminCommand() {
        this(System.in, System.getenv());
    }

    /** With the standard input and environment it reads passwords from (tests give their own). */
    public AdminCommand(InputStream in, Map<String, String> env) {
        this.in = in;
        this.env = Map.copyOf(env);
    }

    InputStream in() {
        return in;
    }

    Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
