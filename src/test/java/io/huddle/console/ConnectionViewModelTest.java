package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.console.ConnectionViewModel.Shown;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-24T13:00:00Z");
    final ConnectionViewModel vm = new ConnectionViewModel("http://gw:8787");

    @Test
    void itStartsConnectingAndOffline() {
        assertThat(vm.shown().get()).isEqualTo(Shown.CONNECTING);
        assertThat(vm.text().get()).isEqualTo("Connecting…");
        assertThat(vm.online().get()).isFalse();
    }

    @Test
    void connectedIsOnline() {
        vm.update("CONNECTED", null, 0, "new stream s1", NOW);
        assertThat(vm.shown().get()).isEqualTo(Shown.CONNECTED);
        assertThat(vm.text().get()).isEqualTo("Connected to http://gw:8787");
        assertThat(vm.online().get()).isTrue();
    }

    @Test
    void connectingForTheFirstTime() {
        vm.update("CONNECTING", null, 0, "connecting to ws://gw:8787", NOW);
        assertThat(vm.text().get()).isEqualTo("Connecting to http://gw:8787…");
        assertThat(vm.online().get()).isFalse();
    }

    @Test
    void aFirstConnectionThatFailedSaysWhyAndCountsDownToTheNextAttempt() {
        vm.update("CONNECTING", NOW.plusSeconds(3), 2, "cannot reach the gateway: connection refused", NOW);
        assertThat(vm.shown().get()).isEqualTo(Shown.CONNECTING);
        assertThat(vm.text().get()).isEqualTo("Connecting to http://gw:8787 in 3 s (attempt 2, cannot reach the "
                + "gateway: connection refused). Controls are off until then.");
        assertThat(vm.online().get()).isFalse();
    }

    @Test
    void reconnectingCountsDownInWholeSecondsRoundedUp() {
        vm.update("CONNECTED", null, 0, null, NOW);
        vm.update("RECONNECTING", NOW.plusSeconds(3), 2, null, NOW);
        assertThat(vm.shown().get()).isEqualTo(Shown.RECONNECTING);
        assertThat(vm.online().get()).isFalse();
        assertThat(vm.text().get()).isEqualTo("Reconnecting to http://gw:8787 in 3 s (attempt 2, connection lost). "
                + "Controls are off until then.");
        vm.tick(NOW.plusMillis(1200));
        assertThat(vm.text().get()).contains("in 2 s");
        vm.tick(NOW.plusMillis(2500));
        assertThat(vm.text().get()).contains("in 1 s");
        vm.tick(NOW.plusSeconds(5));
        assertThat(vm.text().get()).contains("in 0 s");
    }

    @Test
    void reconnectingWithoutAScheduledAttemptSaysWhy() {
        vm.update("RECONNECTING", null, 1, "the gateway restarted", NOW);
        assertThat(vm.text().get())
                .isEqualTo("Reconnecting to http://gw:8787 (the gateway restarted)… Controls are off.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIGNED_OUT", "FAILED", "CLOSED"})
    void finalStatesAreOffline(String state) {
        vm.update("CONNECTED", null, 0, null, NOW);
        vm.update(state, null, 0, "your sign-in ended", NOW);
        assertThat(vm.shown().get()).isEqualTo(Shown.OFFLINE);
        assertThat(vm.online().get()).isFalse();
        assertThat(vm.text().get()).isEqualTo("Offline: your sign-in ended. Controls are off.");
        vm.update(state, null, 0, null, NOW);
        assertThat(vm.text().get()).isEqualTo("Offline: the connection was closed. Controls are off.");
    }
}
