package io.huddle.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.AppDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings live in the configuration directory; those an earlier version kept with the data move there once. */
class SettingsPlacesTest {
    @TempDir
    Path root;
    private AppDirs dirs;

    @BeforeEach
    void dirs() {
        dirs = new AppDirs("Linux", Map.of("XDG_DATA_HOME", root.resolve("data").toString(),
                "XDG_CONFIG_HOME", root.resolve("config").toString()), root.resolve("home"));
    }

    private Path old(String name) {
        return root.resolve("data/huddle").resolve(name);
    }

    @Test
    void oldSettingsAreMovedOnceAndTheOldFileIsRemoved() throws Exception {
        new SettingsFile(old("console-settings.json")).save(UserSettings.defaults().withTheme("dark")
                .withSignIn("http://gw:8787", "acme", "supervisor1"));

        SettingsFile console = new SettingsPlaces(dirs).console();

        assertThat(console.path()).isEqualTo(root.resolve("config/huddle/console-settings.json"));
        UserSettings moved = console.load();
        assertThat(moved.dark()).isTrue();
        assertThat(moved.username()).isEqualTo("supervisor1");
        assertThat(old("console-settings.json")).doesNotExist();
        try (var left = Files.list(console.path().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("console-settings.json");
        }
    }

    @Test
    void settingsSavedInTheNewPlaceAreNeverOverwrittenByAnOldFile() throws Exception {
        SettingsPlaces places = new SettingsPlaces(dirs);
        places.agent().save(UserSettings.defaults().withAgentAlwaysOnTop(false));
        new SettingsFile(old("agent-settings.json")).save(UserSettings.defaults().withTheme("dark"));

        SettingsFile agent = places.agent();

        assertThat(agent.load().agentAlwaysOnTop()).isFalse();
        assertThat(agent.load().dark()).isFalse();
        assertThat(old("agent-settings.json")).exists();
    }

    @Test
    void withNothingToMoveTheNewPlaceIsUsedAndNothingIsMade() {
        SettingsFile console = new SettingsPlaces(dirs).console();
        assertThat(console.path()).isEqualTo(root.resolve("config/huddle/console-settings.json"));
        assertThat(console.load()).isEqualTo(UserSettings.defaults());
        assertThat(root.resolve("config")).doesNotExist();
    }

    @Test
    void whenTheNewPlaceCannotBeMadeTheOldFileIsReadWhereItIs() throws Exception {
        new SettingsFile(old("console-settings.json")).save(UserSettings.defaults().withTheme("dark"));
        Files.writeString(root.resolve("config"), "a file where the directory should be");

        SettingsFile console = new SettingsPlaces(dirs).console();

        assertThat(console.path()).isEqualTo(old("console-settings.json"));
        assertThat(console.load().dark()).isTrue();
    }

    @Test
    void aFileWhereTheSettingsFolderShouldBeLeavesTheOldFileInUse() throws Exception {
        new SettingsFile(old("agent-settings.json")).save(UserSettings.defaults().withTheme("dark"));
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/huddle"), "not a folder");

        SettingsFile agent = new SettingsPlaces(dirs).agent();

        assertThat(agent.path()).isEqualTo(old("agent-settings.json"));
        assertThat(agent.load().dark()).isTrue();
    }
}
