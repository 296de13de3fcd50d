package io.huddle;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Huddle keeps its data, its settings and the desktop apps' logs on each operating system. Each place is
 * worked out from the operating system's name, the environment and the home directory, so tests can pass their
 * own and never touch the real home.
 */
public record AppDirs(String osName, Map<String, String> env, Path home) {

    public AppDirs {
        env = Map.copyOf(env);
    }

    /** This machine's places. */
    public static AppDirs system() {
        return new AppDirs(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The user's data directory: XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows. */
    public static Path data() {
        return system().dataDir();
    }

    /** The data directory: $XDG_DATA_HOME/huddle, %LOCALAPPDATA%\Huddle, ~/Library/Application Support/Huddle. */
    public Path dataDir() {
        return switch (os()) {
            case WINDOWS -> localAppData().resolve("Huddle");
            case MAC -> home.resolve("Library").resolve("Application Support").resolve("Huddle");
            case OTHER -> xdg("XDG_DATA_HOME", ".local", "share").resolve("huddle");
        };
    }

    /**
     * The settings directory: $XDG_CONFIG_HOME/huddle, %APPDATA%\Huddle, ~/Library/Application Support/Huddle
     * (on macOS the same folder as the data: ~/Library/Preferences is for the system's property lists).
     */
    public Path configDir() {
        return switch (os()) {
            case WINDOWS -> {
                String roaming = env.get("APPDATA");
                yield (present(roaming) ? Path.of(roaming) : home.resolve("AppData").resolve("Roaming"))
                        .resolve("Huddle");
            }
            case MAC -> home.resolve("Library").resolve("Application Support").resolve("Huddle");
            case OTHER -> xdg("XDG_CONFIG_HOME", ".config").resolve("huddle");
        };
    }

    /** The desktop apps' log files: $XDG_STATE_HOME/huddle/logs, %LOCALAPPDATA%\Huddle\logs, ~/Library/Logs/Huddle. */
    public Path logDir() {
        return switch (os()) {
            case WINDOWS -> localAppData().resolve("Huddle").resolve("logs");
            case MAC -> home.resolve("Library").resolve("Logs").resolve("Huddle");
            case OTHER -> xdg("XDG_STATE_HOME", ".local", "state").resolve("huddle").resolve("logs");
        };
    }

    private enum Os { WINDOWS, MAC, OTHER }

    private Os os() {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("win") ? Os.WINDOWS : os.contains("mac") ? Os.MAC : Os.OTHER;
    }

    private Path localAppData() {
        String local = env.get("LOCALAPPDATA");
        return present(local) ? Path.of(local) : home.resolve("AppData").resolve("Local");
    }

    /** An XDG base directory: the variable when set to an absolute path (as the spec asks), else its default. */
    private Path xdg(String variable, String first, String... more) {
        String value = env.get(variable);
        return present(value) && Path.of(value).isAbsolute() ? Path.of(value) : home.resolve(Path.of(first, more));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
