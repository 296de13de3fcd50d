package io.huddle.cli;

import io.huddle.protocol.DomainDto;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code huddle admin domains list | create}: a tenant's domains over the gateway's REST API. */
@Command(name = "domains", mixinStandardHelpOptions = true, description = "List or create the tenant's domains.",
        subcommands = {AdminDomainsCommand.List.class, AdminDomainsCommand.Create.class})
final class AdminDomainsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    AdminCommand root;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The tenant's domains and their users.")
    static final class List implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand
        AdminDomainsCommand parent;
        @Mixin
        AdminLogin login;

        @Override
        public Integer call() {
            return AdminCall.run(spec, parent.root, login, client -> {
                TextTable table = new TextTable("DOMAIN", "USERS");
                for (DomainDto d : client.domains()) {
                    table.row(d.name(), d.users());
                }
                table.print(spec.commandLine().getOut());
                return 0;
            });
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a domain.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand
        AdminDomainsCommand parent;
        @Mixin
        AdminLogin login;
        @Parameters(index = "0", description = "The domain's name (1 to 100 characters, no spaces).")
        String name;

        @Override
        public Integer call() {
            return AdminCall.run(spec, parent.root, login, client -> {
                DomainDto d = client.createDomain(name);
                spec.commandLine().getOut().println("Created domain " + d.name() + ".");
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }
}
