package io.huddle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {
    private final Path home = Path.of("/home/ada");

    @Test
    void linuxFollowsTheXdgVariables() {
        AppDirs dirs = new AppDirs("Linux", Map.of("XDG_DATA_HOME", "/x/data", "XDG_CONFIG_HOME", "/x/config",
                "XDG_STATE_HOME", "/x/state"), home);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/x/data/huddle"));
        assertThat(dirs.configDir()).isEqualTo(Path.of("/x/config/huddle"));
        assertThat(dirs.logDir()).isEqualTo(Path.of("/x/state/huddle/logs"));
    }

    @Test
    void linuxWithoutThemOrWithARelativeOneUsesTheSpecsDefaults() {
        AppDirs dirs = new AppDirs("Linux", Map.of("XDG_CONFIG_HOME", "relative/config", "XDG_STATE_HOME", " "), home);
        assertThat(dirs.dataDir()).isEqualTo(home.resolve(".local/share/huddle"));
        assertThat(dirs.configDir()).isEqualTo(home.resolve(".config/huddle"));
        assertThat(dirs.logDir()).isEqualTo(home.resolve(".local/state/huddle/logs"));
    }

    @Test
    void windowsKeepsSettingsInRoamingAndLogsInLocal() {
        AppDirs dirs = new AppDirs("Windows 11", Map.of("APPDATA", "/c/Users/ada/AppData/Roaming",
                "LOCALAPPDATA", "/c/Users/ada/AppData/Local"), home);
        assertThat(dirs.configDir()).isEqualTo(Path.of("/c/Users/ada/AppData/Roaming/Huddle"));
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/c/Users/ada/AppData/Local/Huddle"));
        assertThat(dirs.logDir()).isEqualTo(Path.of("/c/Users/ada/AppData/Local/Huddle/logs"));
    }

    @Test
    void macUsesTheLibraryFolders() {
        AppDirs dirs = new AppDirs("Mac OS X", Map.of("XDG_CONFIG_HOME", "/ignored"), home);
        assertThat(dirs.configDir()).isEqualTo(home.resolve("Library/Application Support/Huddle"));
        assertThat(dirs.logDir()).isEqualTo(home.resolve("Library/Logs/Huddle"));
    }
}
