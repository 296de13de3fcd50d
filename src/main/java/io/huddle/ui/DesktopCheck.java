package io.huddle.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether this machine can show Huddle's windows, checked before JavaFX starts so that a missing desktop is
 * one clear line rather than a stack trace. On Linux JavaFX needs a display and GTK 3; elsewhere the system
 * always has what it needs. {@link FxLauncher} catches what this check cannot foresee.
 */
public final class DesktopCheck {
    /** Where the check looks for GTK 3 instead of the system's library directories (path-separated). */
    public static final String LIBRARY_PATH = "huddle.desktop.libraryPath";
    static final String GTK3 = "libgtk-3.so.0";
    static final String WHAT_TO_DO = "Run it in a desktop session, or run `huddle gateway` on a machine "
            + "without one.";

    private final String os;
    private final Map<String, String> env;
    private final List<Path> libraryDirs;

    public DesktopCheck(String os, Map<String, String> env, List<Path> libraryDirs) {
        this.os = os.toLowerCase(Locale.ROOT);
        this.env = env;
        this.libraryDirs = libraryDirs;
    }

    /** This machine: its OS, its environment, and where its dynamic linker finds libraries. */
    public static DesktopCheck ofThisMachine() {
        // Monocle (headless runs) draws without a display or GTK
        String os = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform")) ? "monocle"
                : System.getProperty("os.name", "");
        return new DesktopCheck(os, System.getenv(), systemLibraryDirs());
    }

    /** What is missing for a window, as one line that says what to do; empty when nothing is. */
    public Optional<String> missing() {
        if (!os.contains("linux")) {
            return Optional.empty();
        }
        if (blank("DISPLAY") && blank("WAYLAND_DISPLAY")) {
            return Optional.of("Huddle needs a desktop: no display found (DISPLAY is not set). " + WHAT_TO_DO);
        }
        if (libraryDirs.stream().noneMatch(dir -> Files.exists(dir.resolve(GTK3)))) {
            return Optional.of("Huddle needs GTK 3 for its windows, and it is missing: install the package "
                    + "libgtk-3-0 (Debian, Ubuntu) or gtk3 (Fedora, Arch). " + WHAT_TO_DO);
        }
        return Optional.empty();
    }

    private boolean blank(String name) {
        String v = env.get(name);
        return v == null || v.isBlank();
    }

    /**
     * The directories the dynamic linker searches: LD_LIBRARY_PATH, those named in /etc/ld.so.conf.d, and the
     * default ones; or only those of {@link #LIBRARY_PATH} when it is set.
     */
    static List<Path> systemLibraryDirs() {
        String override = System.getProperty(LIBRARY_PATH);
        if (override != null) {
            return split(override);
        }
        List<Path> dirs = new ArrayList<>(split(System.getenv().getOrDefault("LD_LIBRARY_PATH", "")));
        try (Stream<Path> confs = Files.list(Path.of("/etc/ld.so.conf.d"))) {
            for (Path conf : confs.filter(p -> p.toString().endsWith(".conf")).toList()) {
                Files.readAllLines(conf).stream().map(String::strip).filter(l -> l.startsWith("/"))
                        .map(Path::of).forEach(dirs::add);
            }
        } catch (IOException e) {
            // no linker configuration to read: the default directories below remain
        }
        Stream.of("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib", "/lib/x86_64-linux-gnu",
                "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu")
                .map(Path::of).forEach(dirs::add);
        return dirs;
    }

    private static List<Path> split(String path) {
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }
}
