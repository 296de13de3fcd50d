package io.huddle.settings;

import java.util.Map;

/**
 * What a desktop app remembers between runs: theme, window places and the last sign-in (never the
 * password), and whether the console shows desktop notifications. Windows are keyed by name ("console", "agent",
 * "audit").
 */
public record UserSettings(String theme, Map<String, WindowPlace> windows, String server, String tenant,
                           String username, boolean agentAlwaysOnTop, Map<String, Double> dividers,
                           Boolean desktopNotifications) {

    /** A window's place and size on screen. */
    public record WindowPlace(double x, double y, double width, double height, boolean maximized) {
    }

    public UserSettings {
        windows = windows == null ? Map.of() : Map.copyOf(windows);
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        theme = theme == null ? "light" : theme;
        desktopNotifications = desktopNotifications == null || desktopNotifications; // on unless turned off
    }

    public static UserSettings defaults() {
        return new UserSettings("light", Map.of(), null, null, null, true, Map.of(), true);
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public UserSettings withTheme(String newTheme) {
        return new UserSettings(newTheme, windows, server, tenant, username, agentAlwaysOnTop, dividers,
                desktopNotifications);
    }

    public UserSettings withWindow(String name, WindowPlace place) {
        Map<String, WindowPlace> next = new java.util.HashMap<>(windows);
        next.put(name, place);
        return new UserSettings(theme, next, server, tenant, username, agentAlwaysOnTop, dividers,
                desktopNotifications);
    }

    public UserSettings withDivider(String name, double position) {
        Map<String, Double> next = new java.util.HashMap<>(dividers);
        next.put(name, position);
        return new UserSettings(theme, windows, server, tenant, username, agentAlwaysOnTop, next, desktopNotifications);
    }

    public UserSettings withSignIn(String newServer, String newTenant, String newUsername) {
        return new UserSettings(theme, windows, newServer, newTenant, newUsername, agentAlwaysOnTop, dividers,
                desktopNotifications);
    }

    public UserSettings withAgentAlwaysOnTop(boolean onTop) {
        return new UserSettings(theme, windows, server, tenant, username, onTop, dividers, desktopNotifications);
    }

    public UserSettings withDesktopNotifications(boolean on) {
        return new UserSettings(theme, windows, server, tenant, username, agentAlwaysOnTop, dividers, on);
    }
}
