package io.huddle.cli;

import io.huddle.client.AdminClient;
import io.huddle.client.GatewayException;
import io.huddle.client.GatewayUnreachableException;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine;

/** Runs one REST-backed admin command: signs in, calls, and turns the gateway's refusal into a message and exit 1. */
final class AdminCall {
    private AdminCall() {
    }

    static int run(CommandLine.Model.CommandSpec spec, AdminCommand root, AdminLogin login,
                   Function<AdminClient, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        try (AdminClient client = login.signIn(spec.commandLine(), root)) {
            return work.apply(client);
        } catch (GatewayException e) {
            err.println("huddle " + spec.qualifiedName(" ").replaceFirst("^huddle ", "") + ": " + e.getMessage()
                    + " (HTTP " + e.status() + ")");
            err.flush();
            return 1;
        } catch (GatewayUnreachableException e) {
            err.println("huddle " + spec.qualifiedName(" ").replaceFirst("^huddle ", "") + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
