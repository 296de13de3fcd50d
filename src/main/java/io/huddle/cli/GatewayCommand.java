package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import io.huddle.gateway.ops.JsonLogLines;
import io.huddle.gateway.store.GatewayDatabase;
import io.huddle.gateway.store.StoreOpenException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code huddle gateway}: runs the reference CCaaS controls gateway until SIGTERM or Ctrl-C. A database that
 * cannot be opened is, like an option that cannot be used, one line on standard error and exit status 2.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true, defaultValueProvider = OptionDefaults.class,
        description = "Run the reference CCaaS controls gateway (no display needed).",
        footer = {"", "Every option can also come from the environment (HUDDLE_ and its name: HUDDLE_PORT, HUDDLE_DATA)"
                + " or from the --config file (port=8787). The command line wins, then the environment, then the file."})
public final class GatewayCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayCommand.class);

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of options by their long"
            + " names, e.g. port=8787 (also HUDDLE_CONFIG).")
    Path config;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8787", description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", description = "Data directory (default: the user's data directory + /gateway).")
    Path data;

    @Option(names = "--db", paramLabel = "PATH|URL", description = "The gateway's database: a SQLite file (default:"
            + " gateway.db in the data directory) or postgresql://host[:port]/database, its role and password from"
            + " HUDDLE_DB_USER and HUDDLE_DB_PASSWORD or HUDDLE_DB_PASSWORD_FILE (never in the URL).")
    String db;

    @Option(names = "--demo", description = "Seed the demo tenants acme and globex and run a simulated contact center"
            + " for each, over the Platform API.")
    boolean demo;

    @Option(names = "--no-simulator", description = "With --demo: seed the demo tenants and users but run no"
            + " simulated contact center (bring your own platform).")
    boolean noSimulator;

    @Option(names = "--management-host", defaultValue = GatewayConfig.ManagementSettings.DEFAULT_HOST,
            description = "Address of the management port: /metrics, /health/live, /health/ready"
                    + " (default: ${DEFAULT-VALUE}, this machine only).")
    String managementHost;

    @Option(names = "--management-port", defaultValue = "" + GatewayConfig.ManagementSettings.DEFAULT_PORT,
            description = "Management port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int managementPort;

    @Option(names = "--no-management", description = "Serve no management port (no metrics, no health checks).")
    boolean noManagement;

    @Option(names = "--log-json", description = "Log one JSON object a line (for log shippers) instead of text.")
    boolean logJson;

    @Spec
    CommandSpec spec;

    /** Where the database's role and password come from: the process's environment (a test gives its own). */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        if (logJson) {
            JsonLogLines.useForThisProcess();
        }
        Path dir = data != null ? data : AppDirs.data().resolve("gateway");
        GatewayConfig config = config(dir);
        GatewayServer server;
        try {
            server = GatewayServer.start(config);
        } catch (StoreOpenException e) {
            // a configuration error: one line that says what to check, not a stack trace
            LOG.debug("the gateway's database {} cannot be opened", config.database(), e);
            PrintWriter err = spec.commandLine().getErr();
            err.println("huddle gateway: " + DatabaseOpenFailure.describe(config.database(), e));
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        DemoPlatform platform;
        try {
            platform = demo && !noSimulator ? DemoPlatform.start(server, dir) : null;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping the gateway");
            if (platform != null) {
                platform.close();
            }
            server.close();
            stopped.countDown();
        }, "huddle-gateway-shutdown"));
        stopped.await();
        return 0;
    }

    /** The gateway's configuration from the options, its data in {@code dir}. */
    GatewayConfig config(Path dir) {
        return config(dir, env);
    }

    /** The same, with the database's credentials from {@code env}; a --db that cannot be used is a usage error. */
    GatewayConfig config(Path dir, Map<String, String> env) {
        GatewayDatabase database;
        try {
            database = DatabaseOption.parse(db, dir, env);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return GatewayConfig.of(host, port, dir, demo).withDatabase(database).withManagement(noManagement
                ? GatewayConfig.ManagementSettings.off()
                : GatewayConfig.ManagementSettings.on(managementHost, managementPort));
    }
}
