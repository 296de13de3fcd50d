package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.settings.UserSettings;
import io.huddle.ui.DesktopAttention;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * A supervisor looking at another window: the console's title counts the waiting requests, each new one asks
 * the taskbar for attention, and the tray icon counts them too; back in the console, the title is plain.
 */
class ConsoleAttentionTest extends ConsoleUiTest {
    final List<String> asked = new CopyOnWriteArrayList<>();
    final TrayIconViewModelTest.RecordingTray tray = new TrayIconViewModelTest.RecordingTray(true);

    final DesktopAttention taskbar = new DesktopAttention() {
        @Override
        public void requestAttention() {
            asked.add("attention");
        }

        @Override
        public void showCount(int count) {
        }
    };

    @Test
    void unfocusedTheTitleCountsWaitingRequestsAndTheTaskbarIsAsked() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        Interaction call = fx.interaction("agent3", Channel.VOICE);
        ConsoleUi console = fx.openConsole("supervisor1", UserSettings.defaults(),
                app -> app.desktop(taskbar, tray));
        Stage stage = console.stage();
        Fx.eventually(() -> assertThat(Fx.call(stage::isFocused)).isTrue());
        assertThat(Fx.call(stage::getTitle)).isEqualTo("Huddle — Supervisor One");

        HelpRequest first = fx.raiseHelp("agent2", chat.id(), "Billing dispute", null);
        eventually(() -> assertThat(console.trayIds()).containsExactly(first.id()));
        assertThat(Fx.call(stage::getTitle)).as("focused: the tray shows it").isEqualTo("Huddle — Supervisor One");
        assertThat(asked).isEmpty();

        // another window takes the focus, as a browser in front of the console would; Monocle keeps the focus on
        // its newest window whatever is shown, so the test says the console has lost it
        Fx.run(() -> {
            console.app().attention().focused().unbind();
            console.app().attention().focused().set(false);
        });
        eventually(() -> assertThat(Fx.call(stage::getTitle)).isEqualTo("(1) Huddle — Supervisor One"));

        HelpRequest second = fx.raiseHelp("agent3", call.id(), "Technical issue", null);
        eventually(() -> assertThat(Fx.call(stage::getTitle)).isEqualTo("(2) Huddle — Supervisor One"));
        assertThat(asked).containsExactly("attention");
        eventually(() -> assertThat(tray.shown).last().isEqualTo(
                "2 | Huddle — 2 help requests waiting | Available"));

        fx.rest("POST", "/help-requests/" + second.id() + "/cancel", "agent3", null);
        eventually(() -> assertThat(Fx.call(stage::getTitle)).isEqualTo("(1) Huddle — Supervisor One"));

        // Show Huddle from the tray's menu: the console in front and focused, its title plain again
        Fx.run(() -> {
            tray.menu.show();
            console.app().attention().focused().bind(stage.focusedProperty());
        });
        eventually(() -> assertThat(Fx.call(stage::getTitle)).isEqualTo("Huddle — Supervisor One"));
        assertThat(Fx.call(stage::isShowing)).isTrue();
        assertThat(asked).containsExactly("attention");
    }
}
