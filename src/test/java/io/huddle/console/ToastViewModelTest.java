package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.T0;
import static io.huddle.console.ConsoleFixtures.ix;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.ui.UiThread;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToastViewModelTest {
    final TrayViewModel tray = new TrayViewModel(ME, UiThread.direct(), new ConsoleFixtures.FakeGateway(),
            Map.of("ix1", ix("ix1", Channel.CHAT, "Ana Agent", "Maria Silva", "Billing", true))::get);
    final ToastViewModel toast = new ToastViewModel(tray);

    static HelpRequestDto request(String id, String agent, String reason, HelpRequestStatus status) {
        return new HelpRequestDto(id, "ix1", "acme:" + agent, agent, status, reason, null, List.of(ME),
                status == HelpRequestStatus.IN_PROGRESS ? "acme:sup2" : null,
                status == HelpRequestStatus.IN_PROGRESS ? "Sam Sup" : null, T0, null, null, null, null);
    }

    static HelpRequestDto pending(String id, String agent) {
        return request(id, agent, "Policy question", HelpRequestStatus.PENDING);
    }

    void ticks(int n) {
        for (int i = 0; i < n; i++) {
            toast.tick();
        }
    }

    @Test
    void oneArrivalShowsWhoWhyAndWhere() {
        tray.apply(pending("h1", "Ana Agent"));
        assertThat(toast.showing().get()).isTrue();
        assertThat(toast.title().get()).isEqualTo("Help requested: Ana Agent");
        assertThat(toast.text().get()).isEqualTo("Policy question\nChat with Maria Silva · Billing\nCtrl+Enter to confirm");
        assertThat(toast.single().get()).isSameAs(tray.item("h1"));
    }

    @Test
    void ctrlEnterIsOfferedOnlyWhenItWouldConfirmThisRequest() {
        tray.replaceAll(List.of(pending("h0", "Old Waiter")));
        tray.apply(pending("h1", "Ana Agent"));
        assertThat(toast.text().get()).endsWith("Ctrl+T to go to the tray").doesNotContain("Ctrl+Enter");
        tray.notification("help.cancelled", "h0", "Old Waiter cancelled their help request.");
        assertThat(toast.text().get()).endsWith("Ctrl+Enter to confirm");
    }

    @Test
    void aBurstIsOneNoticeThatCountsAndNamesAFew() {
        tray.apply(pending("h1", "Ana Agent"));
        tray.apply(pending("h2", "Bruno Costa"));
        tray.apply(pending("h3", "Carla Dias"));
        assertThat(toast.title().get()).isEqualTo("3 new help requests");
        assertThat(toast.text().get()).isEqualTo(
                "Ana Agent · Policy question\nBruno Costa · Policy question\nCarla Dias · Policy question\n"
                        + "Ctrl+T to go to the tray");
        assertThat(toast.single().get()).isNull();

        tray.apply(pending("h4", "Diego Reis"));
        tray.apply(pending("h5", "Eva Lopes"));
        assertThat(toast.title().get()).isEqualTo("5 new help requests");
        assertThat(toast.text().get()).contains("Carla Dias").doesNotContain("Diego").contains("\nand 2 more\n");
    }

    @Test
    void aRequestThatStopsWaitingLeavesTheNoticeAndTheLastOneTakesItAway() {
        tray.apply(pending("h1", "Ana Agent"));
        tray.apply(pending("h2", "Bruno Costa"));
        tray.notification("help.accepted", "h1", "Sam Sup is helping Ana Agent.");
        assertThat(toast.title().get()).isEqualTo("Help requested: Bruno Costa");
        assertThat(toast.text().get()).doesNotContain("Ana Agent");

        tray.apply(request("h2", "Bruno Costa", "Policy question", HelpRequestStatus.CANCELLED));
        assertThat(toast.showing().get()).isFalse();
        assertThat(toast.single().get()).isNull();
    }

    @Test
    void confirmingTheRequestWithdrawsItsNotice() {
        tray.apply(pending("h1", "Ana Agent"));
        tray.apply(request("h1", "Ana Agent", "Policy question", HelpRequestStatus.IN_PROGRESS));
        assertThat(toast.showing().get()).isFalse();
    }

    @Test
    void itHidesSomeSecondsAfterTheLastArrivalAndTheNextBurstStartsAfresh() {
        tray.apply(pending("h1", "Ana Agent"));
        ticks(ToastViewModel.SHOW_SECONDS - 1);
        tray.apply(pending("h2", "Bruno Costa"));
        ticks(ToastViewModel.SHOW_SECONDS - 1);
        assertThat(toast.showing().get()).isTrue();
        assertThat(toast.title().get()).isEqualTo("2 new help requests");
        ticks(1);
        assertThat(toast.showing().get()).isFalse();
        assertThat(tray.arrivals()).isEmpty();

        tray.apply(pending("h3", "Carla Dias"));
        assertThat(toast.title().get()).isEqualTo("Help requested: Carla Dias");
        assertThat(tray.items()).hasSize(3);
    }

    @Test
    void dismissedItStaysAwayUntilTheNextArrival() {
        tray.apply(pending("h1", "Ana Agent"));
        toast.dismiss();
        assertThat(toast.showing().get()).isFalse();
        tray.notification("help.cancelled", "h1", "Ana Agent cancelled their help request.");
        assertThat(toast.showing().get()).isFalse();
        tray.apply(pending("h2", "Bruno Costa"));
        assertThat(toast.title().get()).isEqualTo("Help requested: Bruno Costa");
    }

    @Test
    void aSnapshotDoesNotPopUp() {
        tray.replaceAll(List.of(pending("h1", "Ana Agent"), pending("h2", "Bruno Costa")));
        assertThat(toast.showing().get()).isFalse();
    }
}
