package io.huddle.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundSettingsTest {
    @TempDir
    Path dir;

    @Test
    void bothOffByDefaultAndInFilesWrittenBeforeTheSettingsExisted() throws Exception {
        assertThat(UserSettings.defaults().requestSound()).isFalse();
        assertThat(UserSettings.defaults().reminderSound()).isFalse();
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\":\"dark\",\"agentAlwaysOnTop\":true,\"desktopNotifications\":false}");
        UserSettings old = new SettingsFile(file).load();
        assertThat(old.dark()).isTrue();
        assertThat(old.requestSound()).isFalse();
        assertThat(old.reminderSound()).isFalse();
    }

    @Test
    void eachTurnedOnIsRememberedAlone() throws Exception {
        Path path = dir.resolve("settings.json");
        new SettingsFile(path).save(UserSettings.defaults().withRequestSound(true));
        UserSettings read = new SettingsFile(path).load();
        assertThat(read.requestSound()).isTrue();
        assertThat(read.reminderSound()).isFalse();

        new SettingsFile(path).save(read.withRequestSound(false).withReminderSound(true));
        read = new SettingsFile(path).load();
        assertThat(read.requestSound()).isFalse();
        assertThat(read.reminderSound()).isTrue();
    }

    @Test
    void theOtherSettingsSavesKeepThem() {
        UserSettings on = UserSettings.defaults().withRequestSound(true).withReminderSound(true);
        UserSettings after = on.withTheme("dark").withWindow("console", new UserSettings.WindowPlace(1, 2, 3, 4, false))
                .withDivider("console.tray", 0.2).withSignIn("https://gw", "acme", "sup1").withAgentAlwaysOnTop(false)
                .withDesktopNotifications(false);
        assertThat(after.requestSound()).isTrue();
        assertThat(after.reminderSound()).isTrue();
    }
}
