package io.huddle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.InteractionState;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.TranscriptLine;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.Json;
import io.huddle.protocol.TranscriptLineDto;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloorStateTest {
    static final ObjectMapper JSON = Json.newMapper();
    static final Instant T = Instant.parse("2026-11-24T13:02:11.123Z");

    static InteractionDto ix(String id, InteractionState state, boolean help) {
        return new InteractionDto(id, Channel.VOICE, state, "acme:agent1", "Agent One", "Customer", "Billing", T,
                state.isLive() ? null : T, help, List.of());
    }

    static HelpRequestDto help(String id, String ixId, HelpRequestStatus status) {
        return new HelpRequestDto(id, ixId, "acme:agent1", "Agent One", status, "Policy question", null,
                List.of("acme:supervisor1"), null, null, T, null, null, null,
                status.isOpen() ? null : HelpRequest.EndReason.AGENT_CLOSED);
    }

    static JsonNode frame(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return JSON.valueToTree(m);
    }

    static JsonNode snapshot(List<InteractionDto> ix, List<HelpRequestDto> help) {
        return frame("type", "snapshot", "seq", 0, "interactions", ix, "helpRequests", help, "settings",
                TenantSettings.defaults("acme"));
    }

    @Test
    void aSnapshotFillsTheFloor() {
        FloorState s = new FloorState();
        FloorChange c = s.applySnapshot(snapshot(List.of(ix("a", InteractionState.ACTIVE, true)),
                List.of(help("h1", "a", HelpRequestStatus.PENDING))));
        assertThat(c.reset()).isTrue();
        assertThat(s.interactions()).containsOnlyKeys("a");
        assertThat(s.helpRequests()).containsOnlyKeys("h1");
        assertThat(s.helpRequestOn("a")).map(HelpRequestDto::id).contains("h1");
        assertThat(s.settings()).isEqualTo(TenantSettings.defaults("acme"));
        assertThat(c.settings()).isEqualTo(TenantSettings.defaults("acme"));
    }

    @Test
    void aFreshSnapshotRemovesWhatItNoLongerHolds() {
        FloorState s = new FloorState();
        s.applySnapshot(snapshot(List.of(ix("a", InteractionState.ACTIVE, true), ix("b", InteractionState.ACTIVE,
                false)), List.of(help("h1", "a", HelpRequestStatus.PENDING))));
        FloorChange c = s.applySnapshot(snapshot(List.of(ix("b", InteractionState.ON_HOLD, false),
                ix("c", InteractionState.ACTIVE, false)), List.of()));
        assertThat(s.interactions()).containsOnlyKeys("b", "c");
        assertThat(s.interactions().get("b").state()).isEqualTo(InteractionState.ON_HOLD);
        assertThat(s.helpRequests()).isEmpty();
        assertThat(c.removedInteractions()).containsExactly("a");
        assertThat(c.removedHelpRequests()).containsExactly("h1");
        assertThat(c.interactions()).extracting(InteractionDto::id).containsExactly("b", "c");
    }

    @Test
    void eventsUpsertAndRemove() {
        FloorState s = new FloorState();
        s.applySnapshot(snapshot(List.of(), List.of()));
        FloorChange added = s.apply("interaction.updated", frame("seq", 1, "interaction",
                ix("a", InteractionState.ACTIVE, false)));
        assertThat(added.interactions()).extracting(InteractionDto::id).containsExactly("a");
        s.apply("interaction.updated", frame("seq", 2, "interaction", ix("a", InteractionState.ACTIVE, true)));
        assertThat(s.interactions().get("a").helpRequested()).isTrue();

        s.apply("help.updated", frame("seq", 3, "helpRequest", help("h1", "a", HelpRequestStatus.PENDING)));
        assertThat(s.helpRequests()).containsOnlyKeys("h1");
        FloorChange closed = s.apply("help.updated", frame("seq", 4, "helpRequest",
                help("h1", "a", HelpRequestStatus.CLOSED)));
        assertThat(s.helpRequests()).isEmpty();
        assertThat(closed.removedHelpRequests()).containsExactly("h1");
        assertThat(closed.helpRequests()).extracting(HelpRequestDto::status).containsExactly(HelpRequestStatus.CLOSED);

        FloorChange ended = s.apply("interaction.ended", frame("seq", 5, "interactionId", "a", "endedAt", T));
        assertThat(ended.removedInteractions()).containsExactly("a");
        assertThat(s.interactions()).isEmpty();
        assertThat(s.apply("interaction.ended", frame("seq", 6, "interactionId", "a")).isEmpty()).isTrue();
    }

    @Test
    void notificationsAndTranscriptLinesPassThrough() {
        FloorState s = new FloorState();
        FloorChange n = s.apply("notification", frame("seq", 1, "kind", "help.assigned", "helpRequestId", "h1",
                "interactionId", "a", "text", "Agent One asks for help"));
        assertThat(n.notifications()).containsExactly(new FloorChange.Notification("help.assigned", "h1", "a",
                "Agent One asks for help"));
        TranscriptLineDto line = new TranscriptLineDto("l1", "a", T, TranscriptLine.Speaker.CUSTOMER, "Customer",
                "hello", TranscriptLine.Audience.ALL);
        assertThat(s.apply("transcript.appended", frame("seq", 2, "line", line)).transcript()).containsExactly(line);
        assertThat(s.apply("something.new", frame("seq", 3))).isEqualTo(FloorChange.NONE);
    }

    @Test
    void anUnreadableEventIsRefusedAndChangesNothing() {
        FloorState s = new FloorState();
        s.applySnapshot(snapshot(List.of(ix("a", InteractionState.ACTIVE, false)), List.of()));
        JsonNode bad = frame("seq", 1, "interaction", Map.of("id", "a", "channel", "CARRIER_PIGEON"));
        assertThatThrownBy(() -> s.apply("interaction.updated", bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.interactions().get("a").channel()).isEqualTo(Channel.VOICE);
    }

    /** Applying the merged changes to an empty table gives the same rows as the state holds. */
    @Test
    void mergedChangesRebuildTheSameFloor() {
        FloorState s = new FloorState();
        Map<String, InteractionDto> rows = new LinkedHashMap<>();
        Map<String, HelpRequestDto> help = new LinkedHashMap<>();
        FloorChange batch = s.apply("interaction.updated", frame("interaction", ix("z", InteractionState.ACTIVE,
                false)));
        batch = batch.merge(s.applySnapshot(snapshot(List.of(ix("a", InteractionState.ACTIVE, false),
                ix("b", InteractionState.ACTIVE, false)), List.of(help("h0", "b", HelpRequestStatus.PENDING)))));
        batch = batch.merge(s.apply("interaction.ended", frame("interactionId", "a")));
        batch = batch.merge(s.apply("help.updated", frame("helpRequest", help("h0", "b", HelpRequestStatus.CLOSED))));
        batch = batch.merge(s.apply("interaction.updated", frame("interaction", ix("c", InteractionState.ACTIVE,
                true))));
        batch = batch.merge(s.apply("help.updated", frame("helpRequest", help("h1", "c", HelpRequestStatus.PENDING))));
        batch.removedInteractions().forEach(rows::remove);
        batch.interactions().forEach(i -> rows.put(i.id(), i));
        batch.removedHelpRequests().forEach(help::remove);
        batch.helpRequests().stream().filter(h -> h.status().isOpen()).forEach(h -> help.put(h.id(), h));
        assertThat(batch.reset()).isTrue();
        assertThat(rows).isEqualTo(s.interactions());
        assertThat(help).isEqualTo(s.helpRequests());
        assertThat(s.interactions()).containsOnlyKeys("b", "c");
        assertThat(batch.removedInteractions()).contains("z", "a");
    }
}
