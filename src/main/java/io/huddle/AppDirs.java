package io.huddle;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Huddle keeps its data and settings on each operating system. */
public final class AppDirs {
    private AppDirs() {
    }

    /** The user's data directory: XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows. */
    public static Path data() {
        return data(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path data(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("Huddle");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Huddle");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve("huddle");
    }
}
