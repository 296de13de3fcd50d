package io.huddle.protocol.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.Channel;
import io.huddle.domain.DomainException;
import io.huddle.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformEventReaderTest {
    private final PlatformEventReader reader = new PlatformEventReader(Json.newMapper());

    private List<PlatformEvent> read(String json) {
        return reader.read(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryTypeInOrder() {
        List<PlatformEvent> events = read("{'events':["
                + "{'id':'e1','type':'interaction.started','at':'2026-12-06T10:00:00.000Z','interactionId':'c1',"
                + "'channel':'VOICE','agentId':'a1','customerName':'Ada','queue':'Billing'},"
                + "{'id':'e2','type':'interaction.state_changed','at':'2026-12-06T10:00:01.000Z','interactionId':'c1',"
                + "'state':'ON_HOLD'},"
                + "{'id':'e3','type':'transcript.line','at':'2026-12-06T10:00:02.000Z','interactionId':'c1',"
                + "'speaker':'CUSTOMER','text':'Hello'},"
                + "{'id':'e4','type':'supervisor.leg_ended','at':'2026-12-06T10:00:03.000Z','interactionId':'c1',"
                + "'supervisorId':'s1','reason':'hang-up'},"
                + "{'id':'e5','type':'interaction.ended','at':'2026-12-06T10:00:04.000Z','interactionId':'c1'}]}");
        assertThat(events).extracting(PlatformEvent::id).containsExactly("e1", "e2", "e3", "e4", "e5");
        assertThat(events.get(0)).isEqualTo(new PlatformEvent.InteractionStarted("e1",
                Instant.parse("2026-12-06T10:00:00Z"), "c1", Channel.VOICE, "a1", "Ada", "Billing"));
        assertThat(events.get(1)).isEqualTo(new PlatformEvent.StateChanged("e2",
                Instant.parse("2026-12-06T10:00:01Z"), "c1", PlatformEvent.State.ON_HOLD));
        assertThat(events.get(3)).isInstanceOf(PlatformEvent.LegEnded.class);
        assertThat(events.get(4)).isInstanceOf(PlatformEvent.InteractionEnded.class);
    }

    @Test
    void writtenEventsReadBackTheSame() throws Exception {
        PlatformEvent e = new PlatformEvent.TranscriptLine("e9", Instant.parse("2026-12-06T10:00:00.123Z"), "c1",
                PlatformEvent.Speaker.AGENT, "One moment");
        byte[] body = Json.newMapper().writeValueAsBytes(new PlatformEventBatch(List.of(e)));
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"type\":\"transcript.line\"");
        assertThat(reader.read(body)).containsExactly(e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'id':'e','type':'interaction.started','at':'2026-12-06T10:00:00Z','interactionId':'c','agentId':'a','customerName':'A','queue':'Q'}|events[1].channel is required",
            "{'id':'e','type':'interaction.started','at':'2026-12-06T10:00:00Z','interactionId':'c','channel':'FAX','agentId':'a','customerName':'A','queue':'Q'}|events[1].channel",
            "{'id':'e','type':'interaction.state_changed','at':'2026-12-06T10:00:00Z','interactionId':'c','state':'ENDED'}|events[1].state",
            "{'id':'e','type':'interaction.state_changed','at':'2026-12-06T10:00:00Z','interactionId':'c'}|events[1].state is required",
            "{'id':'e','type':'transcript.line','at':'2026-12-06T10:00:00Z','interactionId':'c','speaker':'SUPERVISOR','text':'x'}|events[1].speaker",
            "{'id':'e','type':'transcript.line','at':'2026-12-06T10:00:00Z','interactionId':'c','speaker':'AGENT','text':' '}|events[1].text is required",
            "{'id':'e','type':'interaction.ended','at':'yesterday','interactionId':'c'}|events[1].at",
            "{'id':'e','type':'interaction.ended','interactionId':'c'}|events[1].at is required",
            "{'type':'interaction.ended','at':'2026-12-06T10:00:00Z','interactionId':'c'}|events[1].id is required",
            "{'id':'e','type':'interaction.ended','at':'2026-12-06T10:00:00Z'}|events[1].interactionId is required",
            "{'id':'e','type':'call.transferred','at':'2026-12-06T10:00:00Z','interactionId':'c'}|events[1]: 'type' must be one of",
            "{'id':'e','at':'2026-12-06T10:00:00Z','interactionId':'c'}|events[1]",
            "{'id':'e','type':'supervisor.leg_ended','at':'2026-12-06T10:00:00Z','interactionId':'c'}|events[1].supervisorId is required",
            "null|events[1] is null"})
    void aMalformedEventNamesItsIndexAndField(String second, String message) {
        String first = "{'id':'ok','type':'interaction.ended','at':'2026-12-06T10:00:00Z','interactionId':'c0'}";
        assertThatThrownBy(() -> read("{'events':[" + first + "," + second + "]}"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void aNumericIdIsReadAsItsText() {
        // many platforms number their events; the id is compared as text
        assertThat(read("{'events':[{'id':7,'type':'interaction.ended','at':'2026-12-06T10:00:00Z',"
                + "'interactionId':12}]}")).containsExactly(new PlatformEvent.InteractionEnded("7",
                Instant.parse("2026-12-06T10:00:00Z"), "12"));
    }

    @Test
    void oversizedTextAndIdsAreRefused() {
        String longText = "x".repeat(PlatformEvent.MAX_TEXT + 1);
        assertThatThrownBy(() -> read("{'events':[{'id':'e','type':'transcript.line','at':'2026-12-06T10:00:00Z',"
                + "'interactionId':'c','speaker':'AGENT','text':'" + longText + "'}]}"))
                .hasMessageContaining("events[0].text is longer than");
        assertThatThrownBy(() -> read("{'events':[{'id':'" + "e".repeat(201) + "','type':'interaction.ended',"
                + "'at':'2026-12-06T10:00:00Z','interactionId':'c'}]}"))
                .hasMessageContaining("events[0].id is longer than 200");
    }

    @Test
    void theBatchItselfMustBeWellFormedAndBounded() {
        assertThatThrownBy(() -> read("{}")).hasMessageContaining("'events' is required");
        assertThatThrownBy(() -> read("[]")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> read("{'events':")).hasMessageContaining("not valid JSON");
        StringBuilder many = new StringBuilder("{'events':[");
        for (int i = 0; i <= PlatformEventBatch.MAX_EVENTS; i++) {
            many.append(i == 0 ? "" : ",").append("{'id':'e").append(i)
                    .append("','type':'interaction.ended','at':'2026-12-06T10:00:00Z','interactionId':'c'}");
        }
        assertThatThrownBy(() -> read(many + "]}")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_LARGE));
        byte[] huge = new byte[PlatformEventBatch.MAX_BYTES + 1];
        assertThatThrownBy(() -> reader.read(huge)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_LARGE));
    }
}
