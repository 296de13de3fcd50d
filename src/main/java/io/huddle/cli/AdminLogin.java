package io.huddle.cli;

import io.huddle.client.AdminClient;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How the REST-backed {@code huddle admin} commands sign in: the gateway, the tenant and the admin's user name
 * as options; the password from {@code HUDDLE_PASSWORD} or else the first line of standard input, never an
 * option (it would show in the process list and the shell's history).
 */
final class AdminLogin {
    static final String PASSWORD_VARIABLE = "HUDDLE_PASSWORD";

    @Option(names = "--gateway", defaultValue = "http://127.0.0.1:8787",
            description = "The gateway's address (default: ${DEFAULT-VALUE}).")
    URI gateway;

    @Option(names = "--tenant", required = true, description = "The tenant you administer.")
    String tenant;

    @Option(names = "--username", required = true,
            description = "Your user name (role admin). The password is read from " + PASSWORD_VARIABLE
                    + " or standard input.")
    String username;

    /** Signs in and answers a client of the admin endpoints; the caller closes it. */
    AdminClient signIn(CommandLine cmd, AdminCommand root) {
        char[] password = password(cmd, root);
        try {
            SignedIn session = GatewayClient.signIn(gateway, tenant, username, password);
            return new AdminClient(session);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The user id of one of this tenant's users. */
    String userId(String name) {
        return name.contains(":") ? name : tenant + ":" + name;
    }

    private static char[] password(CommandLine cmd, AdminCommand root) {
        String fromEnv = root.env().get(PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        String line = firstLine(root);
        if (line == null || line.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, "no password: set " + PASSWORD_VARIABLE
                    + " or give it on standard input");
        }
        return line.toCharArray();
    }

    /** The first line of standard input, without its line end; null at its end. */
    static String firstLine(AdminCommand root) {
        try {
            return new BufferedReader(new InputStreamReader(root.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("standard input could not be read", e);
        }
    }
}
