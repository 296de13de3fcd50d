package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.domain.DomainException;
import io.huddle.gateway.admin.AdminService;
import io.huddle.gateway.admin.FirstAdmin;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.auth.PasswordHasher;
import io.huddle.gateway.store.SqliteGatewayStore;
import io.huddle.gateway.store.UserAccount;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huddle admin bootstrap}: a tenant's first administrator, made on the gateway's machine in its database.
 * Exit status: 0 made, 1 refused (the tenant has an active admin, or a name or password is not valid).
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = {"Create a tenant's first admin in the gateway's database (run on the gateway's machine).",
                "Creates the tenant and its domain when missing and prints a one-time password.",
                "Refuses when the tenant already has an active admin."})
final class AdminBootstrapCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    AdminCommand root;

    @Option(names = "--tenant", required = true, description = "The tenant (created when it does not exist).")
    String tenant;

    @Option(names = "--username", required = true, description = "The admin's user name.")
    String username;

    @Option(names = "--domain", defaultValue = "default",
            description = "The admin's domain, created when missing (default: ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--display-name", description = "The admin's name as people see it (default: the user name).")
    String displayName;

    @Option(names = "--password-stdin", description = "Read the password (at least 12 characters) from standard"
            + " input instead of printing a generated one.")
    boolean passwordStdin;

    @Option(names = "--data", description = "The gateway's data directory (default: the user's data directory"
            + " + /gateway).")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path db = (data != null ? data : AppDirs.data().resolve("gateway")).resolve("gateway.db");
        String password = null;
        if (passwordStdin) {
            password = AdminLogin.firstLine(root);
            if (password == null) {
                err.println("no password on standard input");
                return 1;
            }
        }
        try (SqliteGatewayStore store = SqliteGatewayStore.open(db)) {
            PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
            Clock clock = Clock.systemUTC();
            FirstAdmin first = new FirstAdmin(store,
                    new AdminService(store, new AuthService(store, hasher, clock), hasher, clock));
            boolean generated = password == null;
            if (generated) {
                password = OneTimePassword.generate();
            }
            UserAccount made = first.create(tenant, username, domain, displayName, password);
            out.println("Created admin " + made.user().username() + " (" + made.user().id() + ") of tenant "
                    + tenant + ", domain " + made.user().domain() + ", in " + db + ".");
            if (generated) {
                out.println("One-time password (shown only now): " + password);
            }
            out.flush();
            return 0;
        } catch (DomainException e) {
            err.println("huddle admin bootstrap: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
