package io.huddle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class UpkeepTest {
    @Test
    void aFailingPurgeDoesNotStopTheOthers() {
        List<String> ran = new ArrayList<>();
        Map<String, IntSupplier> purges = new LinkedHashMap<>();
        purges.put("first", () -> {
            ran.add("first");
            throw new IllegalStateException("disk full");
        });
        purges.put("second", () -> {
            ran.add("second");
            return 3;
        });
        new Upkeep(purges).runNow();
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void closingStopsTheScheduleAndMayBeRepeated() {
        Upkeep upkeep = new Upkeep(Map.of());
        assertThat(upkeep.isStopped()).isTrue();
        upkeep.start();
        assertThat(upkeep.isStopped()).isFalse();
        upkeep.close();
        assertThat(upkeep.isStopped()).isTrue();
        upkeep.close();
    }
}
