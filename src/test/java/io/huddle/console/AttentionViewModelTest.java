package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.T0;
import static io.huddle.console.ConsoleFixtures.help;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.HelpRequestStatus;
import io.huddle.ui.DesktopAttention;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The title's count and the taskbar's attention while the console's window is not focused. */
class AttentionViewModelTest {
    final SimpleIntegerProperty waiting = new SimpleIntegerProperty(0);
    final ObservableList<TrayItem> arrivals = FXCollections.observableArrayList();
    final List<String> asked = new ArrayList<>();
    final DesktopAttention desktop = new DesktopAttention() {
        @Override
        public void requestAttention() {
            asked.add("attention");
        }

        @Override
        public void showCount(int count) {
            asked.add("count " + count);
        }
    };
    final AttentionViewModel vm = new AttentionViewModel(AttentionViewModel.baseTitle("Supervisor One"), waiting,
            arrivals, desktop);
    final SimpleBooleanProperty focused = vm.focused();

    static TrayItem item(String id) {
        return new TrayItem(help(id, "ix1", HelpRequestStatus.PENDING, T0, ME), ME, "Chat");
    }

    @Test
    void unfocusedTheTitleCountsTheWaitingRequests() {
        assertThat(vm.title().get()).isEqualTo("Huddle — Supervisor One");
        waiting.set(2);
        assertThat(vm.title().get()).as("focused: the tray shows them").isEqualTo("Huddle — Supervisor One");
        focused.set(false);
        assertThat(vm.title().get()).isEqualTo("(2) Huddle — Supervisor One");
        waiting.set(0);
        assertThat(vm.title().get()).isEqualTo("Huddle — Supervisor One");
        waiting.set(1);
        focused.set(true);
        assertThat(vm.title().get()).isEqualTo("Huddle — Supervisor One");
    }

    @Test
    void aNewRequestAsksForAttentionOnlyWhileUnfocused() {
        arrivals.add(item("h1"));
        assertThat(asked).isEmpty();
        focused.set(false);
        arrivals.add(item("h2"));
        arrivals.clear();
        assertThat(asked).containsExactly("attention");
        waiting.set(2);
        assertThat(asked).containsExactly("attention", "count 2");
    }
}
