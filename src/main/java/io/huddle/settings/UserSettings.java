package io.huddle.settings;

import java.util.Map;

/**
 * What a desktop app remembers between runs: theme, window places and the last sign-in (never the
 * password), whether the console shows desktop notifications, and its two sounds (a new help request, a
 * reminder). Windows are keyed by name ("console", "agent", "audit").
 */
public record UserSettings(String theme, Map<String, WindowPlace> windows, String server, String tenant,
                           String username, Boolean agentAlwaysOnTop, Map<String, Double> dividers,
                           Boolean desktopNotifications, Boolean requestSound, Boolean reminderSound) {

    /** A window's place and size on screen. */
    public record WindowPlace(double x, double y, double width, double height, boolean maximized) {
    }

    public UserSettings {
        windows = windows == null ? Map.of() : Map.copyOf(windows);
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        theme = theme == null ? "light" : theme;
        // a file without it (or with null) keeps every other setting: on top unless turned off
        agentAlwaysOnTop = agentAlwaysOnTop == null || agentAlwaysOnTop;
        desktopNotifications = desktopNotifications == null || desktopNotifications; // on unless turned off
        requestSound = requestSound != null && requestSound; // off until turned on
        reminderSound = reminderSound != null && reminderSound;
    }

    public static UserSettings defaults() {
        return new UserSettings("light", Map.of(), null, null, null, true, Map.of(), true, false, false);
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public UserSettings withTheme(String newTheme) {
        return new UserSettings(newTheme, windows, server, tenant, username, agentAlwaysOnTop, dividers,
                desktopNotifications, requestSound, reminderSound);
    }

    public UserSettings withWindow(String name, WindowPlace place) {
        Map<String, WindowPlace> next = new java.util.HashMap<>(windows);
        next.put(name, place);
        return new UserSettings(theme, next, server, tenant, username, agentAlwaysOnTop, dividers,
                desktopNotifications, requestSound, reminderSound);
    }

    public UserSettings withDivider(String name, double position) {
        Map<String, Double> next = new java.util.HashMap<>(dividers);
        next.put(name, position);
        return new UserSettings(theme, windows, server, tenant, username, agentAlwaysOnTop, next, desktopNotifications,
                requestSound, reminderSound);
    }

    public UserSettings withSignIn(String newServer, String newTenant, String newUsername) {
        return new UserSettings(theme, windows, newServer, newTenant, newUsername, agentAlwaysOnTop, dividers,
                desktopNotifications, requestSound, reminderSound);
    }

    public UserSettings withAgentAlwaysOnTop(boolean onTop) {
        return new UserSettings(theme, windows, server, tenant, username, onTop, dividers, desktopNotifications,
                requestSound, reminderSound);
    }

    public UserSettings withDesktopNotifications(boolean on) {
        return new UserSettings(theme, windows, server, tenant, username, agentAlwaysOnTop, dividers, on,
                requestSound, reminderSound);
    }

    /** The console's short sound on a new help request. */
    public UserSettings withRequestSound(boolean on) {
        return new UserSettings(theme, windows, server, tenant, username, agentAlwaysOnTop, dividers,
                desktopNotifications, on, reminderSound);
    }

    /** The console's short sound on a reminder of a waiting help request. */
    public UserSettings withReminderSound(boolean on) {
        return new UserSettings(theme, windows, server, tenant, username, agentAlwaysOnTop, dividers,
                desktopNotifications, requestSound, on);
    }
}
