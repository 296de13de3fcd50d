package io.huddle.cli;

import io.huddle.protocol.AdminUserDto;
import io.huddle.protocol.ListBody;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huddle admin users list | create | update | disable | enable}: a tenant's users over the REST API. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "List, create and change the tenant's users.",
        subcommands = {AdminUsersCommand.List.class, AdminUserChangeCommands.Create.class,
                AdminUserChangeCommands.Update.class, AdminUserChangeCommands.Disable.class,
                AdminUserChangeCommands.Enable.class})
final class AdminUsersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    AdminCommand root;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A user as one line of the table; {@link #HEADER} names its columns. */
    static final String[] HEADER = {"USERNAME", "DISPLAY NAME", "DOMAIN", "ROLES", "ACTIVE", "SOURCE", "PASSWORD",
            "PLATFORM ID"};

    static Object[] row(AdminUserDto u) {
        return new Object[] {u.username(), u.displayName(), u.domain(), String.join(",", u.roles()),
                u.active() ? "yes" : "no", u.source(), u.hasPassword() ? "yes" : "no", u.platformUserId()};
    }

    static void print(PrintWriter out, AdminUserDto u) {
        new TextTable(HEADER).row(row(u)).print(out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List or search the tenant's users.")
    static final class List implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand
        AdminUsersCommand parent;
        @Mixin
        AdminLogin login;

        @Parameters(index = "0", arity = "0..1", description = "Text in the user name or display name.")
        String text;
        @Option(names = "--domain", description = "Only this domain.")
        String domain;
        @Option(names = "--role", description = "Only users with this role (awa_manager, awa_lead, awa_agent, auditor, admin).")
        String role;
        @Option(names = "--active", arity = "1", description = "Only active (true) or disabled (false) users.")
        Boolean active;

        @Override
        public Integer call() {
            return AdminCall.run(spec, parent.root, login, client -> {
                TextTable table = new TextTable(HEADER);
                String cursor = null;
                do {
                    ListBody<AdminUserDto> page = client.users(query(cursor));
                    page.items().forEach(u -> table.row(row(u)));
                    cursor = page.nextCursor();
                } while (cursor != null);
                table.print(spec.commandLine().getOut());
                return 0;
            });
        }

        private Map<String, String> query(String cursor) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("q", text);
            q.put("domain", domain);
            q.put("role", role);
            q.put("active", active == null ? null : active.toString());
            q.put("limit", "500");
            q.put("cursor", cursor);
            return q;
        }
    }

    /** Prints the user the gateway answered with. */
    static int printed(CommandLine.Model.CommandSpec spec, AdminUserDto user) {
        print(spec.commandLine().getOut(), user);
        return 0;
    }
}
