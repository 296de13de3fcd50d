package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.ix;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.protocol.InteractionDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The running tallies (per channel, help, total, queues) always equal a recount of the rows. */
class FloorViewModelTallyTest {
    private static final String[] QUEUES = {"Billing", "Sales", "Tech", null};

    @Test
    void talliesEqualARecountAfterRandomUpsertsRemovalsBatchesAndSnapshots() {
        FloorViewModel vm = new FloorViewModel(ME);
        Random rnd = new Random(11);
        for (int step = 0; step < 2_000; step++) {
            switch (rnd.nextInt(5)) {
                case 0 -> vm.upsert(random(rnd));
                case 1 -> vm.remove("i" + rnd.nextInt(30));
                case 2 -> {
                    List<InteractionDto> up = new ArrayList<>();
                    for (int k = rnd.nextInt(6); k > 0; k--) {
                        up.add(random(rnd));
                    }
                    List<String> gone = new ArrayList<>();
                    for (int k = rnd.nextInt(4); k > 0; k--) {
                        gone.add("i" + rnd.nextInt(30));
                    }
                    vm.applyBatch(up, gone);
                }
                case 3 -> {
                    if (rnd.nextInt(20) == 0) {
                        List<InteractionDto> all = new ArrayList<>();
                        for (int k = rnd.nextInt(20); k > 0; k--) {
                            all.add(random(rnd));
                        }
                        vm.replaceAll(all);
                    }
                }
                default -> vm.applyBatch(List.of(random(rnd), random(rnd)), List.of());
            }
            assertTalliesMatch(vm);
        }
    }

    private static InteractionDto random(Random rnd) {
        return ix("i" + rnd.nextInt(30), Channel.values()[rnd.nextInt(3)], "Agent", "Customer",
                QUEUES[rnd.nextInt(QUEUES.length)], rnd.nextBoolean());
    }

    private static void assertTalliesMatch(FloorViewModel vm) {
        List<InteractionRow> rows = List.copyOf(vm.visibleRows());
        Map<Channel, Long> byChannel = rows.stream()
                .collect(Collectors.groupingBy(r -> r.channelProperty().get(), Collectors.counting()));
        for (Channel c : Channel.values()) {
            assertThat(vm.count(c).get()).as(c.name()).isEqualTo(byChannel.getOrDefault(c, 0L).intValue());
        }
        assertThat(vm.total().get()).isEqualTo(rows.size()).isEqualTo(vm.size());
        assertThat(vm.helpCount().get()).isEqualTo((int) rows.stream().filter(r -> r.helpRequestedProperty().get())
                .count());
        assertThat(vm.queues()).containsExactlyElementsOf(rows.stream().map(r -> r.queueProperty().get())
                .filter(q -> q != null).collect(Collectors.toCollection(TreeSet::new)));
    }
}
