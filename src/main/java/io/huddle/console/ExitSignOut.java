package io.huddle.console;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's journaled sign-out when the JVM is asked to stop (SIGTERM, Ctrl+C, a log-off) instead of the
 * window being closed: a shutdown hook that runs the console's own shutdown ({@link ConsoleApp#shutdown()}),
 * once, and waits for it within its bound. A window close that already did it is not repeated. Owned by the
 * launcher, which installs it before the console starts and removes it once the app has exited.
 */
public final class ExitSignOut implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExitSignOut.class);

    private final AtomicReference<ConsoleApp> console = new AtomicReference<>();
    private final Thread hook = new Thread(this::run, "huddle-console-exit");

    private ExitSignOut() {
    }

    /** Installs the hook; {@link #attach} tells it which console to sign out. */
    public static ExitSignOut install() {
        ExitSignOut e = new ExitSignOut();
        Runtime.getRuntime().addShutdownHook(e.hook);
        return e;
    }

    /** For tests: the hook's work, without a hook. */
    static ExitSignOut unhooked() {
        return new ExitSignOut();
    }

    /** The console that was built (any thread). */
    public void attach(ConsoleApp app) {
        console.set(app);
    }

    /** What the hook runs: the console's shutdown, or the one already under way, waited for within its bound. */
    void run() {
        ConsoleApp app = console.get();
        if (app == null) {
            return;
        }
        Duration bound = ConsoleApp.SHUTDOWN_BOUND;
        try {
            app.shutdown().get(bound.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("the console had not signed out {} s after the request to stop; stopping anyway",
                    bound.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("the console's sign-out on the request to stop failed", e);
        }
    }

    /** Removes the hook after a normal exit (nothing to do while the JVM is already stopping). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // the hook is running or has run: it is the exit path
        }
    }
}
