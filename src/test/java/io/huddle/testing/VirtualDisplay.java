package io.huddle.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An X display of the test's own (Xvfb, 1600x1000, 24-bit), for tests that start the real launchers and their
 * real windows rather than Monocle's headless ones. Xvfb picks a free display number and says it.
 */
public final class VirtualDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb, its error output in {@code log}; needs the package xvfb. */
    public static VirtualDisplay start(Path log) throws IOException {
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(log.toFile()).start();
        String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (number == null || !number.matches("\\d+")) {
            xvfb.destroy();
            throw new IOException("Xvfb did not start (no display number; its log: " + log + ")");
        }
        return new VirtualDisplay(xvfb, ":" + number);
    }

    /** The value for {@code DISPLAY}. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        xvfb.destroy();
    }
}
