package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.console.dbus.DbusNotificationSink;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's desktop notifications against a real gateway and a real session bus (a private dbus-daemon
 * with a stand-in notification service), the console losing the focus as it does when a browser comes in front;
 * the finer cases (coalescing, escalation) are on the tray's view model
 * (DesktopNoticesBusTest).
 */
class DesktopNotificationsUiTest extends ConsoleUiTest {
    NotificationBus bus;

    @BeforeEach
    void startBus() throws Exception {
        bus = NotificationBus.start(Files.createDirectories(dir.resolve("bus")));
    }

    @AfterEach
    void stopBus() throws Exception {
        bus.close();
    }

    ConsoleUi console() {
        return fx.openConsole("supervisor1", UserSettings.defaults(), () -> DbusNotificationSink.at(bus.address()));
    }

    @Test
    void noBubbleWhileTheConsoleHasTheFocus() throws Exception {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        ConsoleUi console = console();
        eventually(() -> assertThat(console.rowIds()).containsExactly(chat.id()));
        console.focus();
        eventually(() -> assertThat(Fx.call(() -> console.stage().isFocused())).isTrue());

        HelpRequest hr = fx.raiseHelp("agent2", chat.id(), "Billing dispute", "wants a refund");
        eventually(() -> assertThat(console.trayIds()).containsExactly(hr.id()));
        Fx.call(console.app()::close).get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS); // every call sent by now

        assertThat(bus.service().capabilitiesAsked.get()).as("the console connected to the service").isEqualTo(1);
        assertThat(bus.service().calls).as("the in-app notice serves").isEmpty();
    }

    @Test
    void behindAnotherWindowARequestIsOneBubbleThatClosesOnCancelAndShowsItsRequestWhenClicked() throws Exception {
        Interaction chat = fx.interaction("agent2", Channel.CHAT);
        Interaction call = fx.interaction("agent3", Channel.VOICE);
        ConsoleUi console = console();
        eventually(() -> assertThat(console.rowIds()).containsExactlyInAnyOrder(chat.id(), call.id()));
        // the supervisor turns to another program; Monocle never takes the focus from a window it gave it to,
        // so the test says what a desktop's window manager would (as ConsoleAttentionTest does)
        Fx.run(() -> {
            console.app().attention().focused().unbind();
            console.app().attention().focused().set(false);
        });

        HelpRequest first = fx.raiseHelp("agent2", chat.id(), "Billing dispute", "wants a refund");
        NotificationBus.Call notify = bus.service().next();
        assertThat(notify.method()).isEqualTo("Notify");
        assertThat(notify.appName()).isEqualTo("Huddle");
        assertThat(notify.summary()).isEqualTo("Agent Two: Billing dispute");
        assertThat(notify.actions()).contains("default");
        assertThat(bus.service().calls).as("exactly one Notify for one request").isEmpty();

        fx.rest("POST", "/help-requests/" + first.id() + "/cancel", "agent2", null);
        NotificationBus.Call close = bus.service().next();
        assertThat(close.method()).isEqualTo("CloseNotification");
        assertThat(close.id()).isEqualTo(notify.id());

        HelpRequest second = fx.raiseHelp("agent3", call.id(), "Technical issue", null);
        NotificationBus.Call again = bus.service().next();
        assertThat(again.summary()).isEqualTo("Agent Three: Technical issue");
        bus.click(again.id());
        eventually(() -> assertThat(Fx.call(() -> {
            ListView<?> list = console.node("#tray-list");
            Object selected = list.getSelectionModel().getSelectedItem();
            return selected == null ? null : ((TrayItem) selected).id();
        })).as("the clicked bubble's request, selected in the tray").isEqualTo(second.id()));
    }

    @Test
    void theSettingIsInThePresenceMenuOnByDefaultAndRemembered() throws Exception {
        ConsoleUi console = console();
        CheckMenuItem item = Fx.call(() -> ((MenuButton) console.node("#presence")).getItems().stream()
                .filter(i -> "desktop-notifications".equals(i.getId())).map(CheckMenuItem.class::cast)
                .findFirst().orElseThrow());
        assertThat(Fx.call(item::isSelected)).isTrue();

        Fx.run(() -> item.setSelected(false));
        Fx.call(console.app()::close).get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS);

        UserSettings saved = new SettingsFile(dir.resolve("settings").resolve("console-supervisor1.json")).load();
        assertThat(saved.desktopNotifications()).isFalse();
    }
}
