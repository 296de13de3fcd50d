package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Presence;
import io.huddle.ui.TrayIconHost;
import io.huddle.ui.UiThread;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

/** The console's tray icon: its count and tooltip, and what its menu does, without a real tray. */
class TrayIconViewModelTest {
    final ConsoleFixtures.FakeGateway gateway = new ConsoleFixtures.FakeGateway();
    final PresenceViewModel presence = new PresenceViewModel(UiThread.direct(), gateway);
    final SimpleIntegerProperty waiting = new SimpleIntegerProperty(0);
    final List<String> done = new ArrayList<>();
    final RecordingTray host = new RecordingTray(true);
    final TrayIconViewModel vm = new TrayIconViewModel(waiting, presence, () -> done.add("show"),
            () -> done.add("quit"), host);

    /** A tray that records what the icon is told to show. */
    static final class RecordingTray implements TrayIconHost {
        final boolean hasTray;
        final List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile Menu menu;
        volatile boolean removed;

        RecordingTray(boolean hasTray) {
            this.hasTray = hasTray;
        }

        @Override
        public boolean install(Menu menu) {
            this.menu = menu;
            return hasTray;
        }

        @Override
        public void update(int count, String tooltip, int chosen) {
            shown.add(count + " | " + tooltip + " | " + menu.choices().get(chosen));
        }

        @Override
        public void remove() {
            removed = true;
        }

        @Override
        public boolean showMessage(String title, String text, boolean urgent) {
            return false;
        }

        @Override
        public boolean canShowMessages() {
            return false;
        }

        @Override
        public void onClicked(Runnable listener) {
        }
    }

    private String last() {
        return host.shown.get(host.shown.size() - 1);
    }

    @Test
    void theIconCountsTheWaitingRequests() {
        assertThat(vm.install()).isTrue();
        assertThat(last()).isEqualTo("0 | Huddle — no help requests waiting | Available");
        waiting.set(1);
        assertThat(last()).isEqualTo("1 | Huddle — 1 help request waiting | Available");
        waiting.set(3);
        assertThat(last()).isEqualTo("3 | Huddle — 3 help requests waiting | Available");
        vm.remove();
        assertThat(host.removed).isTrue();
    }

    @Test
    void theMenuShowsChoosesAvailabilityAndQuits() {
        presence.online().set(true);
        vm.install();
        assertThat(host.menu.choices()).containsExactly("Available", "Busy", "Away");

        host.menu.choose(1);
        assertThat(gateway.presences).containsExactly(Presence.BUSY);
        assertThat(presence.current().get()).isEqualTo(Presence.BUSY);
        assertThat(last()).endsWith("| Busy");

        host.menu.choose(1); // already busy: nothing to ask, the menu stays as it is
        assertThat(gateway.presences).containsExactly(Presence.BUSY);
        assertThat(last()).endsWith("| Busy");

        host.menu.show();
        host.menu.quit();
        assertThat(done).containsExactly("show", "quit");
    }

    @Test
    void offlineTheMenuKeepsThePresenceInForce() {
        vm.install();
        host.menu.choose(2);
        assertThat(gateway.presences).isEmpty();
        assertThat(last()).endsWith("| Available");
    }

    @Test
    void whereTheDesktopHasNoTrayNothingIsShown() {
        RecordingTray none = new RecordingTray(false);
        TrayIconViewModel without = new TrayIconViewModel(waiting, presence, () -> { }, () -> { }, none);
        assertThat(without.install()).isFalse();
        waiting.set(2);
        without.remove();
        assertThat(none.shown).isEmpty();
        assertThat(none.removed).isFalse();
        assertThat(TrayIconHost.none().install(vm)).isFalse();
    }
}
