package io.huddle.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An X display of the test's own (Xvfb, 1600x1000, 24-bit), for tests that start the real launchers and their
 * real windows rather than Monocle's headless ones. Xvfb picks a free display number and says it.
 */
public final class VirtualDisplay implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /**
     * Starts Xvfb, its error output in {@code log}; needs the package xvfb. Fails with a line that says so when it is
     * missing, and when Xvfb does not say its display within 30 s.
     */
    public static VirtualDisplay start(Path log) throws IOException {
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("this test needs Xvfb (apt-get install xvfb; .ci/run installs it): "
                    + e.getMessage(), e);
        }
        try {
            CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> {
                try {
                    return new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                            .readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String number = said.get(30, TimeUnit.SECONDS);
            if (number == null || !number.matches("\\d+")) {
                throw new IOException("Xvfb did not start (no display number; its log: " + log + ")");
            }
            return new VirtualDisplay(xvfb, ":" + number);
        } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
            Processes.stop(xvfb, STOP_GRACE);
            throw e instanceof IOException io ? io : new IOException("Xvfb did not start (its log: " + log + ")", e);
        } catch (InterruptedException e) {
            Processes.stop(xvfb, STOP_GRACE);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Xvfb started", e);
        }
    }

    /**
     * A desktop app's process on this display as a person would start it, with a home of its own ({@code home}, and
     * the XDG data, configuration, state and cache directories the usual places under it) and its output, standard
     * error included, in {@code log}. The caller adds what else it needs and starts it.
     */
    public ProcessBuilder app(List<String> command, Path home, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", name);
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        // nothing of the desktop the test runs on: not its session bus, nor a Wayland display beside this one
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.remove("WAYLAND_DISPLAY");
        return pb;
    }

    /** The value for {@code DISPLAY}. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        Processes.stop(xvfb, STOP_GRACE);
    }
}
