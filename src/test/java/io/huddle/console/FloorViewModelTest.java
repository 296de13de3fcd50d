package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.ix;
import static io.huddle.console.ConsoleFixtures.sup;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.SupervisorMode;
import io.huddle.protocol.InteractionDto;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorViewModelTest {
    final FloorViewModel vm = new FloorViewModel(ME);

    static final InteractionDto A = ix("a", Channel.VOICE, "Ana Lima", "Maria Silva", "Billing", false);
    static final InteractionDto B = ix("b", Channel.CHAT, "Bruno Costa", "John Doe", "Sales", true,
            sup("acme:sup2", "Sara Supervisor", SupervisorMode.COACH));
    static final InteractionDto C = ix("c", Channel.VOICE, "Carla Dias", "Jane Roe", "Sales", true);
    static final InteractionDto D = ix("d", Channel.MESSAGING, "Diego Reis", "Max Mustermann", "Tech", false);

    List<String> visibleIds() {
        return vm.visibleRows().stream().map(InteractionRow::id).toList();
    }

    @Test
    void aSnapshotReplacesEverythingAndLeavesNoGhostRows() {
        vm.replaceAll(List.of(A, B, C));
        vm.replaceAll(List.of(B, D));
        assertThat(visibleIds()).containsExactlyInAnyOrder("b", "d");
        assertThat(vm.row("a")).isNull();
        assertThat(vm.row("c")).isNull();
        assertThat(vm.size()).isEqualTo(2);
        assertThat(vm.total().get()).isEqualTo(2);
        assertThat(vm.count(Channel.VOICE).get()).isZero();
    }

    @Test
    void anUpdateChangesTheSameRowInPlace() {
        vm.replaceAll(List.of(A, B));
        InteractionRow before = vm.row("a");
        vm.upsert(ix("a", Channel.VOICE, "Ana Lima", "Maria Silva", "Retention", true,
                sup(ME, "Me", SupervisorMode.BARGE_IN)));
        assertThat(vm.row("a")).isSameAs(before);
        assertThat(vm.visibleRows()).filteredOn(r -> r.id().equals("a")).containsExactly(before);
        assertThat(before.queueProperty().get()).isEqualTo("Retention");
        assertThat(before.helpRequestedProperty().get()).isTrue();
        assertThat(before.myModeProperty().get()).isEqualTo(SupervisorMode.BARGE_IN);
        assertThat(before.supervisorsProperty().get()).isEqualTo("Me (barged in)");
        assertThat(vm.size()).isEqualTo(2);
    }

    @Test
    void countsFollowEveryChange() {
        vm.replaceAll(List.of(A, B, C, D));
        assertThat(vm.count(Channel.VOICE).get()).isEqualTo(2);
        assertThat(vm.count(Channel.CHAT).get()).isEqualTo(1);
        assertThat(vm.count(Channel.MESSAGING).get()).isEqualTo(1);
        assertThat(vm.total().get()).isEqualTo(4);
        assertThat(vm.helpCount().get()).isEqualTo(2);

        vm.upsert(ix("a", Channel.VOICE, "Ana Lima", "Maria Silva", "Billing", true));
        assertThat(vm.helpCount().get()).isEqualTo(3);
        vm.remove("c");
        assertThat(vm.count(Channel.VOICE).get()).isEqualTo(1);
        assertThat(vm.total().get()).isEqualTo(3);
        assertThat(vm.helpCount().get()).isEqualTo(2);
        vm.upsert(ix("e", Channel.CHAT, "Eva", "Zed", "Tech", false));
        assertThat(vm.count(Channel.CHAT).get()).isEqualTo(2);
        assertThat(vm.total().get()).isEqualTo(4);
    }

    @Test
    void theTextFilterSearchesAgentCustomerQueueAndSupervisorNamesIgnoringCase() {
        vm.replaceAll(List.of(A, B, C, D));
        vm.textFilter().set("ana lima");
        assertThat(visibleIds()).containsExactly("a");
        vm.textFilter().set("JANE");
        assertThat(visibleIds()).containsExactly("c");
        vm.textFilter().set("tech");
        assertThat(visibleIds()).containsExactly("d");
        vm.textFilter().set("sara");
        assertThat(visibleIds()).containsExactly("b");
        vm.textFilter().set("  sales ");
        assertThat(visibleIds()).containsExactlyInAnyOrder("b", "c");
        vm.textFilter().set("nobody at all");
        assertThat(visibleIds()).isEmpty();
        vm.textFilter().set("");
        assertThat(visibleIds()).hasSize(4);
    }

    @Test
    void theTextFilterMatchesOnlyWhatTheRowShowsNotFragmentsOfTheId() {
        InteractionDto monday = ix("call-mon3k9-x7qa", Channel.VOICE, "Ana Lima", "Maria Silva", "Billing", false);
        InteractionDto chat = ix("chat-m3x9k2-ab", Channel.CHAT, "Bruno Costa", "John Doe", "Sales", false);
        vm.replaceAll(List.of(monday, chat));
        vm.textFilter().set("mon");
        assertThat(visibleIds()).isEmpty();
        vm.textFilter().set("chat");
        assertThat(visibleIds()).isEmpty();
        vm.textFilter().set("x7qa");
        assertThat(visibleIds()).isEmpty();

        vm.textFilter().set(" CHAT-M3X9K2-AB ");
        assertThat(visibleIds()).as("a whole id, pasted from the audit search").containsExactly("chat-m3x9k2-ab");
    }

    @Test
    void theTextFilterMatchesTheSupervisorsColumnAsShown() {
        vm.replaceAll(List.of(A, B));
        vm.textFilter().set("mon");
        assertThat(visibleIds()).isEmpty();
        vm.upsert(ix("a", Channel.VOICE, "Ana Lima", "Maria Silva", "Billing", false,
                sup("acme:sup3", "Tom Boss", SupervisorMode.MONITOR)));
        assertThat(visibleIds()).as("'Tom Boss (monitoring)' is in the row").containsExactly("a");
        vm.textFilter().set("tom");
        assertThat(visibleIds()).containsExactly("a");
        vm.upsert(A);
        assertThat(visibleIds()).as("he left").isEmpty();
    }

    @Test
    void everyWordMustBeInTheRowInAnyColumnIgnoringAccents() {
        InteractionDto chloe = ix("e", Channel.CHAT, "Tomás Reis", "Chloé Martin", "Orders", false);
        vm.replaceAll(List.of(A, B, C, D, chloe));
        vm.textFilter().set("sales carla");
        assertThat(visibleIds()).containsExactly("c");
        vm.textFilter().set("Sales  JOHN");
        assertThat(visibleIds()).containsExactly("b");
        vm.textFilter().set("chloe");
        assertThat(visibleIds()).containsExactly("e");
        vm.textFilter().set("tomas orders");
        assertThat(visibleIds()).containsExactly("e");
        vm.textFilter().set("Chloé");
        assertThat(visibleIds()).containsExactly("e");
        vm.textFilter().set("sales tech");
        assertThat(visibleIds()).isEmpty();
    }

    @Test
    void channelQueueAndHelpOnlyFiltersEachAndCombined() {
        vm.replaceAll(List.of(A, B, C, D));
        vm.channelFilter().set(Channel.VOICE);
        assertThat(visibleIds()).containsExactlyInAnyOrder("a", "c");
        vm.channelFilter().set(null);
        vm.queueFilter().set("Sales");
        assertThat(visibleIds()).containsExactlyInAnyOrder("b", "c");
        vm.queueFilter().set(null);
        vm.helpOnlyFilter().set(true);
        assertThat(visibleIds()).containsExactlyInAnyOrder("b", "c");

        vm.channelFilter().set(Channel.VOICE);
        assertThat(visibleIds()).containsExactly("c");
        vm.queueFilter().set("Billing");
        assertThat(visibleIds()).isEmpty();
        vm.helpOnlyFilter().set(false);
        assertThat(visibleIds()).containsExactly("a");
        vm.textFilter().set("carla");
        assertThat(visibleIds()).isEmpty();
        vm.queueFilter().set(null);
        assertThat(visibleIds()).containsExactly("c");
    }

    @Test
    void aRowThatStopsMatchingLeavesTheVisibleListAndComesBackWhenItMatchesAgain() {
        vm.replaceAll(List.of(A, B, C));
        vm.helpOnlyFilter().set(true);
        assertThat(visibleIds()).containsExactlyInAnyOrder("b", "c");

        vm.upsert(ix("b", Channel.CHAT, "Bruno Costa", "John Doe", "Sales", false));
        assertThat(visibleIds()).containsExactly("c");
        vm.upsert(ix("a", Channel.VOICE, "Ana Lima", "Maria Silva", "Billing", true));
        assertThat(visibleIds()).containsExactlyInAnyOrder("a", "c");

        vm.helpOnlyFilter().set(false);
        vm.textFilter().set("bruno");
        vm.applyBatch(List.of(ix("b", Channel.CHAT, "Beatriz Costa", "John Doe", "Sales", false)), List.of());
        assertThat(visibleIds()).isEmpty();
    }

    @Test
    void newRowsAreFilteredToo() {
        vm.replaceAll(List.of(A));
        vm.channelFilter().set(Channel.MESSAGING);
        vm.upsert(B);
        vm.upsert(D);
        assertThat(visibleIds()).containsExactly("d");
    }

    @Test
    void queuesAreTheDistinctSortedQueuesOnTheFloor() {
        vm.replaceAll(List.of(C, A, B, D));
        assertThat(vm.queues()).containsExactly("Billing", "Sales", "Tech");
        vm.remove("d");
        assertThat(vm.queues()).containsExactly("Billing", "Sales");
        vm.upsert(ix("a", Channel.VOICE, "Ana Lima", "Maria Silva", "Accounts", false));
        assertThat(vm.queues()).containsExactly("Accounts", "Sales");
    }

    @Test
    void aBatchAppliesUpsertsAndRemovalsAndRecounts() {
        vm.replaceAll(List.of(A, B, C));
        vm.queueFilter().set("Sales");
        vm.applyBatch(List.of(D, ix("e", Channel.CHAT, "Eva", "Zed", "Sales", true)), List.of("b", "a"));
        assertThat(vm.row("a")).isNull();
        assertThat(vm.row("b")).isNull();
        assertThat(visibleIds()).containsExactlyInAnyOrder("c", "e");
        assertThat(vm.total().get()).isEqualTo(3);
        assertThat(vm.count(Channel.CHAT).get()).isEqualTo(1);
        assertThat(vm.helpCount().get()).isEqualTo(2);
        assertThat(vm.queues()).containsExactly("Sales", "Tech");

        vm.applyBatch(List.of(A), List.of("a-never-seen"));
        assertThat(vm.total().get()).isEqualTo(4);
    }
}
