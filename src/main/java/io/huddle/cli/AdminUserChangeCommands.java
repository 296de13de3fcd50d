package io.huddle.cli;

import io.huddle.protocol.AdminUserDto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands of {@code huddle admin users} that change a user. A password is never an option: one is
 * generated and shown once ({@code --generate-password}), so it appears in no shell history.
 */
final class AdminUserChangeCommands {
    private AdminUserChangeCommands() {
    }

    private static void printPassword(CommandLine.Model.CommandSpec spec, String password) {
        if (password != null) {
            spec.commandLine().getOut().println("One-time password (shown only now): " + password);
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand
        AdminUsersCommand parent;
        @Mixin
        AdminLogin login;

        @Parameters(index = "0", description = "The new user's user name.")
        String name;
        @Option(names = "--domain", required = true, description = "The user's domain (it must exist).")
        String domain;
        @Option(names = "--display-name", description = "The name people see (default: the user name).")
        String displayName;
        @Option(names = "--role", split = ",", description = "A role: awa_manager, awa_lead, awa_agent, auditor, admin"
                + " (repeat or separate with commas).")
        List<String> roles = List.of();
        @Option(names = "--platform-user-id", description = "The user's id on the contact-center platform.")
        String platformUserId;
        @Option(names = "--generate-password", description = "Give the user a generated password, shown once.")
        boolean generatePassword;

        @Override
        public Integer call() {
            String password = generatePassword ? OneTimePassword.generate() : null;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("username", name);
            fields.put("displayName", displayName);
            fields.put("domain", domain);
            fields.put("roles", roles);
            fields.put("platformUserId", platformUserId);
            fields.put("password", password);
            return AdminCall.run(spec, parent.root, login, client -> {
                AdminUsersCommand.printed(spec, client.createUser(fields));
                printPassword(spec, password);
                return 0;
            });
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change a user; what is not named stays.")
    static final class Update implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand
        AdminUsersCommand parent;
        @Mixin
        AdminLogin login;

        @Parameters(index = "0", description = "The user's user name.")
        String name;
        @Option(names = "--domain", description = "Move the user to this domain.")
        String domain;
        @Option(names = "--display-name", description = "The name people see.")
        String displayName;
        @Option(names = "--role", split = ",", description = "The user's roles from now on (replaces them all).")
        List<String> roles;
        @Option(names = "--platform-user-id", description = "The user's id on the platform ('' removes it).")
        String platformUserId;
        @ArgGroup(exclusive = true)
        PasswordChange password;

        static final class PasswordChange {
            @Option(names = "--generate-password", description = "Set a generated password, shown once.")
            boolean generate;
            @Option(names = "--remove-password", description = "Remove the user's password.")
            boolean remove;
        }

        @Override
        public Integer call() {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (domain != null) {
                fields.put("domain", domain);
            }
            if (displayName != null) {
                fields.put("displayName", displayName);
            }
            if (roles != null) {
                fields.put("roles", roles);
            }
            if (platformUserId != null) {
                fields.put("platformUserId", platformUserId.isBlank() ? null : platformUserId);
            }
            String newPassword = password != null && password.generate ? OneTimePassword.generate() : null;
            if (password != null) {
                fields.put("password", newPassword);
            }
            return AdminCall.run(spec, parent.root, login, client -> {
                AdminUsersCommand.printed(spec, client.updateUser(login.userId(name), fields));
                printPassword(spec, newPassword);
                return 0;
            });
        }
    }

    /** Disable and Enable: the same call with the other value of {@code active}. */
    abstract static class SetActive implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand
        AdminUsersCommand parent;
        @Mixin
        AdminLogin login;
        @Parameters(index = "0", description = "The user's user name.")
        String name;

        abstract boolean active();

        @Override
        public Integer call() {
            return AdminCall.run(spec, parent.root, login, client -> {
                AdminUserDto u = client.updateUser(login.userId(name), Map.of("active", active()));
                return AdminUsersCommand.printed(spec, u);
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: they cannot sign in, and their sessions and streams end at once.")
    static final class Disable extends SetActive {
        @Override
        boolean active() {
            return false;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user.")
    static final class Enable extends SetActive {
        @Override
        boolean active() {
            return true;
        }
    }
}
