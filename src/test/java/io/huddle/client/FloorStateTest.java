package io.huddle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.huddle.protocol.stream.ServerFrame;
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

    /** An event as the client reads it off the wire. */
    static ServerFrame.Event event(String type, Object... kv) {
        ObjectNode f = (ObjectNode) frame(kv);
        f.put("type", type);
        return (ServerFrame.Event) JSON.convertValue(f, ServerFrame.class);
    }

    static ServerFrame.Snapshot snapshot(List<InteractionDto> ix, List<HelpRequestDto> help) {
        return (ServerFrame.Snapshot) JSON.convertValue(frame("type", "snapshot", "seq", 0, "interactions", ix,
                "helpRequests", help, "settings", TenantSettings.defaults("acme")), ServerFrame.class);
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
        FloorChange added = s.apply(event("interaction.updated", "seq", 1, "interaction",
                ix("a", InteractionState.ACTIVE, false)));
        assertThat(added.interactions()).extracting(InteractionDto::id).containsExactly("a");
        s.apply(event("interaction.updated", "seq", 2, "interaction", ix("a", InteractionState.ACTIVE, true)));
        assertThat(s.interactions().get("a").helpRequested()).isTrue();

        s.apply(event("help.updated", "seq", 3, "helpRequest", help("h1", "a", HelpRequestStatus.PENDING)));
        assertThat(s.helpRequests()).containsOnlyKeys("h1");
        FloorChange closed = s.apply(event("help.updated", "seq", 4, "helpRequest",
                help("h1", "a", HelpRequestStatus.CLOSED)));
        assertThat(s.helpRequests()).isEmpty();
        assertThat(closed.removedHelpRequests()).containsExactly("h1");
        assertThat(closed.helpRequests()).extracting(HelpRequestDto::status).containsExactly(HelpRequestStatus.CLOSED);

        FloorChange ended = s.apply(event("interaction.ended", "seq", 5, "interactionId", "a", "endedAt", T));
        assertThat(ended.removedInteractions()).containsExactly("a");
        assertThat(s.interactions()).isEmpty();
        assertThat(s.apply(event("interaction.ended", "seq", 6, "interactionId", "a")).isEmpty()).isTrue();
    }

    @Test
    void notificationsAndTranscriptLinesPassThrough() {
        FloorState s = new FloorState();
        FloorChange n = s.apply(event("notification", "seq", 1, "kind", "help.assigned", "helpRequestId", "h1",
                "interactionId", "a", "text", "Agent One asks for help"));
        assertThat(n.notifications()).containsExactly(new FloorChange.Notification("help.assigned", "h1", "a",
                "Agent One asks for help"));
        TranscriptLineDto line = new TranscriptLineDto("l1", "a", T, TranscriptLine.Speaker.CUSTOMER, "Customer",
                "hello", TranscriptLine.Audience.ALL);
        assertThat(s.apply(event("transcript.appended", "seq", 2, "line", line)).transcript()).containsExactly(line);
        assertThat(s.apply(event("something.new", "seq", 3))).isEqualTo(FloorChange.NONE);
    }

    @Test
    void anUnreadableEventIsRefusedAndChangesNothing() {
        FloorState s = new FloorState();
        s.applySnapshot(snapshot(List.of(ix("a", InteractionState.ACTIVE, false)), List.of()));
        ServerFrame.Event bad = new ServerFrame.InteractionUpdated(1L, null);
        assertThatThrownBy(() -> s.apply(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.interactions().get("a").channel()).isEqualTo(Channel.VOICE);
    }

    /** Applying the merged changes to an empty table gives the same rows as the state holds. */
    @Test
    void mergedChangesRebuildTheSameFloor() {
        FloorState s = new FloorState();
        Map<String, InteractionDto> rows = new LinkedHashMap<>();
        Map<String, HelpRequestDto> help = new LinkedHashMap<>();
        FloorChange batch = s.apply(event("interaction.updated", "interaction", ix("z", InteractionState.ACTIVE,
                false)));
        batch = batch.merge(s.applySnapshot(snapshot(List.of(ix("a", InteractionState.ACTIVE, false),
                ix("b", InteractionState.ACTIVE, false)), List.of(help("h0", "b", HelpRequestStatus.PENDING)))));
        batch = batch.merge(s.apply(event("interaction.ended", "interactionId", "a")));
        batch = batch.merge(s.apply(event("help.updated", "helpRequest", help("h0", "b", HelpRequestStatus.CLOSED))));
        batch = batch.merge(s.apply(event("interaction.updated", "interaction", ix("c", InteractionState.ACTIVE,
                true))));
        batch = batch.merge(s.apply(event("help.updated", "helpRequest", help("h1", "c", HelpRequestStatus.PENDING))));
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
