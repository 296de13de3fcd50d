package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.simulator.Simulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huddle simulator}: the demo's simulated contact center on its own, connected to a gateway through
 * the Platform API like any adapter (docs/platform.md). Runs until SIGTERM or Ctrl-C.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Run a simulated contact center for one tenant against a gateway, over the Platform API.")
public final class SimulatorCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorCommand.class);

    @Option(names = "--gateway", required = true, description = "The gateway's base URL, e.g. http://127.0.0.1:8787.")
    URI gateway;

    @Option(names = "--tenant", required = true, description = "The tenant whose platform this is.")
    String tenant;

    @Option(names = "--secret", required = true, arity = "0..1", interactive = true,
            description = "The tenant's platform secret (POST /api/v1/tenant/platform/secret). Without a value it is"
                    + " read from the terminal; or set HUDDLE_PLATFORM_SECRET.",
            defaultValue = "${env:HUDDLE_PLATFORM_SECRET}")
    char[] secret;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8788",
            description = "Where its call-control endpoint listens (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--state", description = "Where it remembers its contacts (default: the user's data directory"
            + " + /simulator-<tenant>.json).")
    Path state;

    @Option(names = "--agent-password", defaultValue = "demo", description = "The simulated agents' password, to"
            + " ask for help as themselves (default: the demo's).")
    char[] agentPassword;

    @Override
    public Integer call() throws InterruptedException {
        if (secret == null || secret.length == 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--secret needs the tenant's platform secret (or HUDDLE_PLATFORM_SECRET)");
        }
        int colon = listen.lastIndexOf(':');
        String host = colon < 0 ? listen : listen.substring(0, colon);
        int port = colon < 0 ? 8788 : Integer.parseInt(listen.substring(colon + 1));
        Path file = state != null ? state : AppDirs.data().resolve("simulator-" + tenant + ".json");
        String key = new String(secret);
        Simulator sim = Simulator.start(new Simulator.Options(gateway, tenant, host, port, file, agentPassword),
                url -> {
                    LOG.info("set tenant {}'s call-control URL to {} (PUT /api/v1/tenant/platform as its admin)",
                            tenant, url);
                    return key;
                });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "huddle-simulator-shutdown"));
        stopped.await();
        return 0;
    }
}
