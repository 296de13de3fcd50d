package io.huddle.settings;

import io.huddle.AppDirs;

/**
 * The desktop apps' settings files, in the configuration directory. Earlier versions kept them in the data
 * directory: the first start after an upgrade moves them ({@link SettingsMove}).
 */
public final class SettingsPlaces {
    static final String CONSOLE = "console-settings.json";
    static final String AGENT = "agent-settings.json";

    private final AppDirs dirs;

    public SettingsPlaces(AppDirs dirs) {
        this.dirs = dirs;
    }

    public SettingsFile console() {
        return file(CONSOLE);
    }

    public SettingsFile agent() {
        return file(AGENT);
    }

    private SettingsFile file(String name) {
        return new SettingsFile(SettingsMove.moveOnce(dirs.dataDir().resolve(name), dirs.configDir().resolve(name)));
    }
}
