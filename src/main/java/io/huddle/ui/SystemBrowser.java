package io.huddle.ui;

import io.huddle.client.Browser;
import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The person's default browser. macOS: {@code open}; Linux and other Unix: {@code xdg-open}, then
 * {@link Desktop#browse}; Windows: {@link Desktop#browse}. A launcher that exits with an error, or no way to
 * open one, is an {@link IOException}: the form then shows the address to copy. The address is passed as one
 * argument, never through a shell.
 */
public final class SystemBrowser implements Browser {
    /** A launcher still running after this is taken to have opened the page (some wait for the browser). */
    private static final long LAUNCHER_WAIT_SECONDS = 5;

    private final String os;

    public SystemBrowser() {
        this(System.getProperty("os.name", ""));
    }

    SystemBrowser(String osName) {
        this.os = osName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void open(URI page) throws IOException {
        if (os.contains("mac")) {
            launch(List.of("open", page.toString()));
        } else if (os.contains("win")) {
            desktop(page);
        } else {
            try {
                launch(List.of("xdg-open", page.toString()));
            } catch (IOException e) {
                try {
                    desktop(page);
                } catch (IOException second) {
                    e.addSuppressed(second);
                    throw e;
                }
            }
        }
    }

    private static void desktop(URI page) throws IOException {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            throw new IOException("this desktop cannot open a browser");
        }
        Desktop.getDesktop().browse(page);
    }

    private static void launch(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (p.waitFor(LAUNCHER_WAIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() != 0) {
                throw new IOException(command.get(0) + " could not open a browser (exit code " + p.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening a browser", e);
        }
    }
}
