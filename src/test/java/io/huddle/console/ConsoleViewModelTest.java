package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.T0;
import static io.huddle.console.ConsoleFixtures.change;
import static io.huddle.console.ConsoleFixtures.controls;
import static io.huddle.console.ConsoleFixtures.help;
import static io.huddle.console.ConsoleFixtures.ix;
import static io.huddle.console.ConsoleFixtures.line;
import static io.huddle.console.ConsoleFixtures.snapshot;
import static io.huddle.console.ConsoleFixtures.sup;
import static io.huddle.console.ConsoleFixtures.viewed;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.FloorChange;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.SupervisorMode;
import io.huddle.domain.TranscriptLine.Speaker;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.ui.UiThread;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleViewModelTest {
    final ConsoleFixtures.FakeGateway gateway = new ConsoleFixtures.FakeGateway();
    final ConsoleViewModel vm = online(gateway);

    static ConsoleViewModel online(ConsoleGateway gateway) {
        ConsoleViewModel vm = new ConsoleViewModel(ME, "http://gw:8787", UiThread.direct(), gateway);
        vm.connection().update("CONNECTED", null, 0, null, T0);
        return vm;
    }

    static HelpRequestDto pending(String id, String ixId) {
        return help(id, ixId, HelpRequestStatus.PENDING, T0, ME);
    }

    static FloorChange note(String kind, String helpId, String text) {
        return change(List.of(), List.of(), List.of(), List.of(new FloorChange.Notification(kind, helpId, null, text)),
                List.of());
    }

    static List<String> floorIds(ConsoleViewModel vm) {
        return vm.floor().visibleRows().stream().map(InteractionRow::id).sorted().toList();
    }

    static List<String> trayIds(ConsoleViewModel vm) {
        return vm.tray().items().stream().map(TrayItem::id).toList();
    }

    static List<String> lineIds(ConsoleViewModel vm) {
        return vm.detail().transcript().stream().map(TranscriptLineDto::id).toList();
    }

    void openA(ConsoleViewModel vm, ConsoleFixtures.FakeGateway gw) {
        vm.detail().select("a");
        gw.lastView().complete(viewed(ix("a"), controls(true, true, true, true)));
    }

    @Test
    void aResetReplacesTheListAndTheTray() {
        vm.apply(snapshot(List.of(ix("a"), ix("b")), List.of(pending("h1", "a"), pending("h2", "b"))));
        vm.apply(snapshot(List.of(ix("b"), ix("c")), List.of(pending("h2", "b"), pending("h3", "c"),
                help("h4", "c", HelpRequestStatus.CLOSED, T0, ME))));
        assertThat(floorIds(vm)).containsExactly("b", "c");
        assertThat(trayIds(vm)).containsExactly("h2", "h3");
        assertThat(vm.tray().arrivals()).isEmpty();
    }

    @Test
    void aResetViewsTheSelectedInteractionAgainOrEndsItWhenItIsGone() {
        vm.apply(snapshot(List.of(ix("a"), ix("b")), List.of()));
        openA(vm, gateway);
        vm.apply(snapshot(List.of(ix("a")), List.of()));
        assertThat(gateway.viewed).containsExactly("a", "a");
        gateway.lastView().complete(viewed(ix("a"), controls(true, true, true, true)));
        vm.apply(snapshot(List.of(ix("b")), List.of()));
        assertThat(gateway.viewed).hasSize(2);
        assertThat(vm.detail().monitorControl().enabled().get()).isFalse();
        assertThat(vm.detail().monitorControl().reason().get()).isEqualTo("the interaction has ended");
    }

    @Test
    void incrementalChangesReachTheListTheTrayAndTheDetail() {
        vm.apply(snapshot(List.of(ix("a"), ix("b")), List.of(pending("h0", "b"))));
        openA(vm, gateway);
        vm.apply(change(List.of(ix("a", sup(ME, "Me", SupervisorMode.COACH))), List.of("b"),
                List.of(pending("h1", "a")),
                List.of(new FloorChange.Notification("help.cancelled", "h0", "b", "Ana cancelled.")),
                List.of(line("l1", "a", Speaker.CUSTOMER, "hello"), line("l2", "b", Speaker.AGENT, "not shown"))));
        assertThat(floorIds(vm)).containsExactly("a");
        assertThat(vm.floor().row("a").myModeProperty().get()).isEqualTo(SupervisorMode.COACH);
        assertThat(vm.detail().myMode().get()).isEqualTo(SupervisorMode.COACH);
        assertThat(trayIds(vm)).containsExactly("h1");
        assertThat(vm.tray().notices()).containsExactly("Ana cancelled.");
        assertThat(vm.detail().helpRequest().get().id()).isEqualTo("h1");
        assertThat(lineIds(vm)).containsExactly("l1");

        vm.apply(change(List.of(), List.of("a"), List.of(), List.of(), List.of()));
        assertThat(floorIds(vm)).isEmpty();
        assertThat(vm.detail().coachControl().reason().get()).isEqualTo("the interaction has ended");
    }

    @Test
    void aConfirmedRequestOpensItsInteraction() {
        vm.apply(snapshot(List.of(ix("a")), List.of(pending("h1", "a"))));
        vm.tray().item("h1").confirm().execute();
        gateway.accepts.get(0).complete(help("h1", "a", HelpRequestStatus.IN_PROGRESS, T0, ME));
        assertThat(vm.focusRequest().get()).isEqualTo("a");
        assertThat(vm.detail().selectedId()).isEqualTo("a");
        assertThat(gateway.viewed).containsExactly("a");
    }

    @Test
    void offlineTurnsTheTrayAndTheControlsOff() {
        vm.apply(snapshot(List.of(ix("a")), List.of(pending("h1", "a"))));
        openA(vm, gateway);
        vm.connection().update("RECONNECTING", T0.plusSeconds(3), 1, "connection lost", T0);
        assertThat(vm.tray().item("h1").confirm().executable().get()).isFalse();
        assertThat(vm.detail().monitorCommand().executable().get()).isFalse();
    }

    @Test
    void aMergedBatchEqualsApplyingItsChangesOneByOne() {
        List<FloorChange> batch = List.of(
                change(List.of(ix("c")), List.of(), List.of(pending("h2", "c")), List.of(), List.of()),
                note("help.cancelled", "h1", "Ana cancelled."),
                change(List.of(), List.of(), List.of(), List.of(), List.of(line("l1", "a", Speaker.AGENT, "one"))),
                snapshot(List.of(ix("a"), ix("c"), ix("d")), List.of(pending("h2", "c"), pending("h3", "d"))),
                note("help.accepted", "h3", "Sam took Diego's request."),
                change(List.of(ix("e")), List.of("c"),
                        List.of(help("h2", "c", HelpRequestStatus.CANCELLED, T0, ME), pending("h5", "e")),
                        List.of(), List.of(line("l2", "a", Speaker.CUSTOMER, "two"))));
        ConsoleFixtures.FakeGateway gw1 = new ConsoleFixtures.FakeGateway();
        ConsoleFixtures.FakeGateway gw2 = new ConsoleFixtures.FakeGateway();
        ConsoleViewModel oneByOne = online(gw1);
        ConsoleViewModel merged = online(gw2);
        for (ConsoleViewModel v : List.of(oneByOne, merged)) {
            v.apply(snapshot(List.of(ix("a"), ix("b")), List.of(pending("h1", "b"))));
            openA(v, v == oneByOne ? gw1 : gw2);
        }

        batch.forEach(oneByOne::apply);
        merged.apply(ConsoleViewModel.merge(batch));
        for (ConsoleFixtures.FakeGateway gw : List.of(gw1, gw2)) {
            gw.lastView().complete(viewed(ix("a"), controls(true, true, true, true),
                    line("l1", "a", Speaker.AGENT, "one")));
        }

        assertThat(floorIds(merged)).isEqualTo(floorIds(oneByOne)).containsExactly("a", "d", "e");
        assertThat(trayIds(merged)).isEqualTo(trayIds(oneByOne)).containsExactly("h5");
        assertThat(merged.tray().notices()).isEqualTo(oneByOne.tray().notices()).hasSize(2);
        assertThat(lineIds(merged)).isEqualTo(lineIds(oneByOne)).containsExactly("l1", "l2");
        assertThat(merged.floor().total().get()).isEqualTo(oneByOne.floor().total().get());
    }
}
