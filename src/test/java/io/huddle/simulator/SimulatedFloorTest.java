package io.huddle.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.protocol.Json;
import io.huddle.protocol.platform.PlatformEvent;
import io.huddle.protocol.platform.PlatformEventBatch;
import io.huddle.protocol.platform.PlatformEventReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The simulated platform's own floor, ticked by hand with a seeded random: what it tells the gateway. */
class SimulatedFloorTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static SimulatedFloor floor(long seed) {
        RandomGenerator random = java.util.random.RandomGeneratorFactory.<RandomGenerator>of("L64X128MixRandom")
                .create(seed);
        return new SimulatedFloor(random, "run1");
    }

    @Test
    void theSeatsAlwaysHaveOneContactThatNeverEnds() {
        SimulatedFloor f = floor(1);
        for (int s = 0; s < 600; s++) {
            f.tick(T0.plusSeconds(s));
            for (String seat : SimulatedFloor.SEATS.keySet()) {
                assertThat(f.live()).filteredOn(c -> c.agent().equals(seat)).hasSize(1)
                        .allSatisfy(c -> assertThat(c.endsAt()).isNull());
            }
        }
        assertThat(f.live()).filteredOn(c -> c.agent().equals("agent1")).first()
                .extracting(SimulatedFloor.Call::channel).isEqualTo(Channel.VOICE);
    }

    @Test
    void tenMinutesOfEventsAreWellFormedUniqueAndInALifecycleOrder() throws Exception {
        SimulatedFloor f = floor(7);
        List<PlatformEvent> all = new ArrayList<>();
        for (int s = 0; s < 600; s++) {
            all.addAll(f.tick(T0.plusSeconds(s)));
        }
        // every event passes the gateway's own reader, in batches as the poster sends them
        PlatformEventReader reader = new PlatformEventReader(Json.newMapper());
        for (int from = 0; from < all.size(); from += PlatformEventBatch.MAX_EVENTS) {
            List<PlatformEvent> batch = all.subList(from, Math.min(all.size(), from + PlatformEventBatch.MAX_EVENTS));
            assertThat(reader.read(Json.newMapper().writeValueAsBytes(new PlatformEventBatch(batch))))
                    .containsExactlyElementsOf(batch);
        }
        assertThat(all).extracting(PlatformEvent::id).doesNotHaveDuplicates();
        Set<String> started = new HashSet<>();
        Set<String> ended = new HashSet<>();
        for (PlatformEvent e : all) {
            if (e instanceof PlatformEvent.InteractionStarted) {
                assertThat(started.add(e.interactionId())).as("started once: %s", e.interactionId()).isTrue();
            } else {
                assertThat(started).as("%s comes after its start", e).contains(e.interactionId());
                assertThat(ended).as("%s comes before its end", e).doesNotContain(e.interactionId());
                if (e instanceof PlatformEvent.InteractionEnded) {
                    ended.add(e.interactionId());
                }
            }
        }
        assertThat(ended).as("non-seat contacts end within ten minutes").isNotEmpty();
        assertThat(all).anyMatch(e -> e instanceof PlatformEvent.TranscriptLine);
        assertThat(all).anyMatch(e -> e instanceof PlatformEvent.StateChanged c
                && c.state() == PlatformEvent.State.WRAP_UP);
    }

    @Test
    void afterARestartTheSeatsContactsGoOnAndTheOthersEnd() {
        SimulatedFloor before = floor(3);
        for (int s = 0; s < 30; s++) {
            before.tick(T0.plusSeconds(s));
        }
        List<SimulatedFloor.Call> saved = before.live();
        assertThat(saved).anyMatch(c -> c.endsAt() != null);

        SimulatedFloor after = floor(4);
        List<PlatformEvent> told = after.restore(saved, T0.plusSeconds(60));
        assertThat(told).allMatch(e -> e instanceof PlatformEvent.InteractionEnded);
        assertThat(told).extracting(PlatformEvent::interactionId).containsExactlyInAnyOrderElementsOf(
                saved.stream().filter(c -> c.endsAt() != null).map(SimulatedFloor.Call::id).toList());
        assertThat(after.live()).extracting(SimulatedFloor.Call::agent)
                .containsExactlyInAnyOrderElementsOf(SimulatedFloor.SEATS.keySet());
        assertThat(after.tick(T0.plusSeconds(61))).noneMatch(e -> e instanceof PlatformEvent.InteractionStarted
                && SimulatedFloor.SEATS.containsKey(((PlatformEvent.InteractionStarted) e).agentId()));
    }

    @Test
    void legsAreKeptPerContactAndSupervisor() {
        SimulatedFloor f = floor(11);
        f.tick(T0);
        SimulatedFloor.Call voice = f.live().stream().filter(c -> c.agent().equals("agent1")).findFirst().orElseThrow();
        f.leg(voice.id(), "supervisor1", true);
        assertThat(f.hasLeg(voice.id(), "supervisor1")).isTrue();
        f.leg(voice.id(), "supervisor1", false);
        assertThat(f.hasLeg(voice.id(), "supervisor1")).isFalse();
    }
}
