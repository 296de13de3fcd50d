package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.Test;

/** The two sounds in the presence menu: off at first, and what the supervisor turns on is there at the next start. */
class SoundSettingsUiTest extends ConsoleUiTest {
    static CheckMenuItem item(ConsoleUi console, String id) {
        return Fx.call(() -> ((MenuButton) console.node("#presence")).getItems().stream()
                .filter(i -> id.equals(i.getId())).map(CheckMenuItem.class::cast).findFirst().orElseThrow());
    }

    @Test
    void bothSoundsAreOffAtFirstAndRememberedWhenTurnedOn() throws Exception {
        ConsoleUi console = fx.openConsole("supervisor1");
        CheckMenuItem request = item(console, "request-sound");
        CheckMenuItem reminder = item(console, "reminder-sound");
        assertThat(Fx.call(request::getText)).isEqualTo("Sound on a new help request");
        assertThat(Fx.call(request::isSelected)).isFalse();
        assertThat(Fx.call(reminder::isSelected)).isFalse();

        Fx.run(() -> {
            request.setSelected(true);
            reminder.setSelected(true);
        });
        Fx.call(console.app()::close).get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS); // the saves are done

        UserSettings saved = new SettingsFile(dir.resolve("settings").resolve("console-supervisor1.json")).load();
        assertThat(saved.requestSound()).isTrue();
        assertThat(saved.reminderSound()).isTrue();

        ConsoleUi again = fx.openConsole("supervisor1", saved.withReminderSound(false));
        assertThat(Fx.call(item(again, "request-sound")::isSelected)).isTrue();
        assertThat(Fx.call(item(again, "reminder-sound")::isSelected)).isFalse();
    }
}
