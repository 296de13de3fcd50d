package io.huddle.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.InteractionState;
import io.huddle.domain.TranscriptLine;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merging a burst in one pass gives exactly what folding it change by change gives. */
class FloorChangeMergeAllTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00.000Z");

    @Test
    void mergeAllEqualsTheFoldOfMerge() {
        Random rnd = new Random(5);
        for (int round = 0; round < 500; round++) {
            List<FloorChange> burst = new ArrayList<>();
            for (int k = rnd.nextInt(40); k > 0; k--) {
                burst.add(randomChange(rnd, k));
            }
            FloorChange folded = FloorChange.NONE;
            for (FloorChange c : burst) {
                folded = folded.merge(c);
            }
            assertThat(FloorChange.mergeAll(burst)).as("round " + round).isEqualTo(folded);
        }
    }

    /** A change as FloorState makes them: what is removed is not also added in the same change. */
    private static FloorChange randomChange(Random rnd, int n) {
        if (rnd.nextInt(15) == 0) {
            List<InteractionDto> live = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int k = rnd.nextInt(5); k > 0; k--) {
                InteractionDto i = ix("i" + rnd.nextInt(8), n);
                if (ids.add(i.id())) {
                    live.add(i);
                }
            }
            List<String> gone = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                if (!ids.contains("i" + k) && rnd.nextBoolean()) {
                    gone.add("i" + k);
                }
            }
            return new FloorChange(true, live, gone, List.of(), List.of("h" + rnd.nextInt(4)), List.of(), List.of(),
                    null);
        }
        return switch (rnd.nextInt(5)) {
            case 0 -> new FloorChange(false, List.of(ix("i" + rnd.nextInt(8), n)), List.of(), List.of(), List.of(),
                    List.of(), List.of(), null);
            case 1 -> new FloorChange(false, List.of(), List.of("i" + rnd.nextInt(8)), List.of(), List.of(), List.of(),
                    List.of(), null);
            case 2 -> {
                HelpRequestStatus status = HelpRequestStatus.values()[rnd.nextInt(HelpRequestStatus.values().length)];
                HelpRequestDto h = help("h" + rnd.nextInt(4), status);
                yield new FloorChange(false, List.of(), List.of(), List.of(h),
                        status.isOpen() ? List.of() : List.of(h.id()), List.of(), List.of(), null);
            }
            case 3 -> new FloorChange(false, List.of(), List.of(), List.of(), List.of(),
                    List.of(new FloorChange.Notification("help.assigned", "h1", "i1", "note " + n)), List.of(), null);
            default -> new FloorChange(false, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(new TranscriptLineDto("l" + n, "i1", T0, TranscriptLine.Speaker.AGENT, "Ana", "hi",
                            TranscriptLine.Audience.ALL)), null);
        };
    }

    private static InteractionDto ix(String id, int version) {
        return new InteractionDto(id, Channel.CHAT, version % 2 == 0 ? InteractionState.ACTIVE : InteractionState.ON_HOLD,
                "acme:agent", "Ana", "Customer " + version, "Billing", T0, null, false, List.of());
    }

    private static HelpRequestDto help(String id, HelpRequestStatus status) {
        return new HelpRequestDto(id, "i1", "acme:agent", "Ana", status, "reason", null, List.of("acme:sup"), null,
                null, T0, null, null, null, null);
    }
}
