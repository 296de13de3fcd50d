package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The status bar's journal line: silent when all is uploaded, a count and a countdown while offline. */
class JournalViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void saysHowManyEntriesWaitAndWhy() {
        JournalViewModel vm = new JournalViewModel();
        vm.update(JournalViewModel.Shown.SYNCED, 0, null, null, NOW);
        assertThat(vm.text().get()).isEmpty();
        vm.update(JournalViewModel.Shown.SYNCING, 1, null, null, NOW);
        assertThat(vm.text().get()).isEqualTo("1 journal entry uploading…");
        vm.update(JournalViewModel.Shown.OFFLINE, 12, "connection refused", NOW.plusSeconds(8), NOW);
        assertThat(vm.text().get()).isEqualTo("12 journal entries kept on this device until the gateway is back"
                + " (next try in 8 s)");
        vm.tick(NOW.plusSeconds(5));
        assertThat(vm.text().get()).endsWith("(next try in 3 s)");
        assertThat(vm.waiting().get()).isEqualTo(12);
        vm.update(JournalViewModel.Shown.REFUSED, 3, "journal chain broken at seq 7", null, NOW);
        assertThat(vm.text().get()).isEqualTo("3 journal entries not accepted by the gateway: journal chain broken at"
                + " seq 7");
    }
}
