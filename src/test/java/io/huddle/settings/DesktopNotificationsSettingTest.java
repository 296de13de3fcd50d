package io.huddle.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopNotificationsSettingTest {
    @TempDir
    Path dir;

    @Test
    void onByDefaultAndInFilesWrittenBeforeTheSettingExisted() throws Exception {
        assertThat(UserSettings.defaults().desktopNotifications()).isTrue();
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\":\"dark\",\"agentAlwaysOnTop\":true}");
        UserSettings old = new SettingsFile(file).load();
        assertThat(old.dark()).isTrue();
        assertThat(old.desktopNotifications()).isTrue();
    }

    @Test
    void aFileWithoutTheAgentWindowSettingKeepsEverythingElse() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\":\"dark\",\"tenant\":\"acme\",\"username\":\"supervisor1\","
                + "\"requestSound\":true}");
        UserSettings read = new SettingsFile(file).load();
        assertThat(read.dark()).isTrue();
        assertThat(read.username()).isEqualTo("supervisor1");
        assertThat(read.requestSound()).isTrue();
        assertThat(read.agentAlwaysOnTop()).isTrue();
    }

    @Test
    void turnedOffIsRemembered() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        file.save(UserSettings.defaults().withTheme("dark").withDesktopNotifications(false));
        UserSettings read = new SettingsFile(dir.resolve("settings.json")).load();
        assertThat(read.desktopNotifications()).isFalse();
        assertThat(read.withWindow("console", new UserSettings.WindowPlace(1, 2, 3, 4, false))
                .desktopNotifications()).isFalse(); // the window's saves keep it
    }
}
