package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.console.ConsoleStartup;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import io.huddle.gateway.auth.PasswordHasher;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo gateway the console starts in-process when no server is configured. Owns it: {@link #close()}
 * stops it, also while it is still starting on another thread (it waits for the start, then stops it).
 */
final class EmbeddedDemo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDemo.class);
    /**
     * The embedded demo's password work factor: the lowest there is. Its users' password is "demo", written in
     * the README, and the gateway listens on this computer only, so a slow hash would protect nothing and cost
     * about a second of the console's start (each start signs in). Hashes an older demo stored at the default
     * factor are stored again at this one at their next sign-in.
     */
    static final int DEMO_PASSWORD_WORK = PasswordHasher.MIN_ITERATIONS;
    private final Path dir;
    private FileChannel inUse;
    private GatewayServer server;
    private DemoPlatform platform;
    private boolean closed;

    /** @param data where it keeps its data, or null for the user's data directory + /demo-gateway */
    EmbeddedDemo(Path data) {
        this.dir = data != null ? data : AppDirs.data().resolve("demo-gateway");
    }

    /** A fresh copy each time: a client may clear the array after use. */
    static char[] password() {
        return "demo".toCharArray();
    }

    /**
     * Starts the demo gateway (seeded once) and its simulated contact centers on a free loopback port and signs in as acme
     * supervisor1; on the console's startup thread. A failure is said in words for the person.
     */
    ConsoleStartup.Started startAndSignIn(Consumer<String> step) throws ConsoleStartup.StartFailure {
        URI base = URI.create(startGateway().baseUrl());
        step.accept("Signing in as supervisor1 of acme…");
        try {
            SignedIn supervisor = GatewayClient.signIn(base, "acme", "supervisor1", password());
            return new ConsoleStartup.Started(supervisor,
                    () -> GatewayClient.signIn(base, "acme", "agent1", password()));
        } catch (RuntimeException e) {
            throw new ConsoleStartup.StartFailure("The demo supervisor could not sign in",
                    "The demo contact center started, but signing in as supervisor1 of acme failed: " + e.getMessage()
                            + "\n\nTry starting Huddle again. If it fails again, moving the folder " + dir
                            + " away makes the demo start afresh.", e);
        }
    }

    private synchronized GatewayServer startGateway() throws ConsoleStartup.StartFailure {
        if (closed) {
            throw new ConsoleStartup.StartFailure("The demo contact center was stopped", "It was stopped while it"
                    + " started.", null);
        }
        claimData();
        try {
            server = GatewayServer.start(GatewayConfig.of("127.0.0.1", 0, dir, true)
                    .withPasswordIterations(DEMO_PASSWORD_WORK));
            platform = DemoPlatform.start(server, dir);
            return server;
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    /**
     * Two demo gateways on one data directory would run two simulations on one database: a lock file in it
     * lets only one console run the demo at a time and tells the second why.
     */
    private void claimData() throws ConsoleStartup.StartFailure {
        try {
            Files.createDirectories(dir);
            inUse = FileChannel.open(dir.resolve("in-use.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (inUse.tryLock() != null) {
                return;
            }
        } catch (OverlappingFileLockException e) {
            // held in this process
        } catch (IOException e) {
            throw new ConsoleStartup.StartFailure("The demo contact center could not start", "Its data folder " + dir
                    + " cannot be written: " + e.getMessage(), e);
        }
        closeQuietly();
        throw new ConsoleStartup.StartFailure("The demo contact center is already running", "Another Huddle"
                + " console on this computer is running the demo contact center, with its data in " + dir
                + ". Use that console, or close it and start Huddle again.", null);
    }

    private void closeQuietly() {
        if (inUse != null) {
            try {
                inUse.close(); // releases the lock
            } catch (IOException e) {
                LOG.warn("the demo's lock file in {} could not be closed: {}", dir, e.getMessage());
            }
            inUse = null;
        }
    }

    /** Why the gateway did not start, for a person: the common causes by name, anything else as it came. */
    private ConsoleStartup.StartFailure explain(RuntimeException e) {
        String headline = "The demo contact center could not start";
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof BindException || m.contains("address already in use")) {
                return new ConsoleStartup.StartFailure(headline, "The network port it listens on is in use by"
                        + " another program. Close that program, or start Huddle again to try another port.", e);
            }
            if (m.contains("locked") || m.contains("sqlite_busy")) {
                return new ConsoleStartup.StartFailure(headline, "Its data in " + dir + " is in use by another"
                        + " program, most likely another Huddle console in demo mode. Close that one and start"
                        + " Huddle again.", e);
            }
        }
        return new ConsoleStartup.StartFailure(headline, "Its data is in " + dir + ". It said: "
                + (e.getMessage() != null ? e.getMessage() : e.toString()) + "\n\nTry starting Huddle again.", e);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (platform != null) {
            platform.close();
            platform = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        closeQuietly();
    }
}
