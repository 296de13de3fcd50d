package io.huddle.protocol.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client's frames as docs/protocol.md writes them, built from and read into the records. */
class ClientFrameJsonTest {
    static final ObjectMapper JSON = Json.newMapper();

    static JsonNode tree(ClientFrame frame) throws JsonProcessingException {
        return JSON.readTree(JSON.writeValueAsString(frame));
    }

    static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void theHelloIsWrittenAsDocumented() throws Exception {
        assertThat(tree(new ClientFrame.Hello(1, new ClientFrame.Hello.Client("huddle-console", "0.1.0"), null)))
                .isEqualTo(json("{'type':'hello','protocol':1,'client':{'name':'huddle-console','version':'0.1.0'}}"));
        assertThat(tree(new ClientFrame.Hello(1, null, new ClientFrame.Hello.Resume("st-1", 41L))))
                .isEqualTo(json("{'type':'hello','protocol':1,'resume':{'streamId':'st-1','lastSeq':41}}"));
    }

    @Test
    void everyCommandIsWrittenAsDocumented() throws Exception {
        Map<ClientFrame.Command, String> wire = Map.of(
                new ClientFrame.Ping(), "{'type':'ping'}",
                new ClientFrame.View("ix-1"), "{'type':'view','interactionId':'ix-1'}",
                new ClientFrame.Controls("ix-1"), "{'type':'controls','interactionId':'ix-1'}",
                new ClientFrame.Unview(), "{'type':'unview'}",
                new ClientFrame.HelpAccept("hr-1"), "{'type':'help.accept','helpRequestId':'hr-1'}",
                new ClientFrame.HelpRequest("ix-1", "Other", "stuck"),
                "{'type':'help.request','interactionId':'ix-1','reason':'Other','comment':'stuck'}",
                new ClientFrame.HelpCancel("hr-1"), "{'type':'help.cancel','helpRequestId':'hr-1'}",
                new ClientFrame.HelpClose("hr-1"), "{'type':'help.close','helpRequestId':'hr-1'}",
                new ClientFrame.Action("ix-1", "MONITOR", "hr-1"),
                "{'type':'action','interactionId':'ix-1','action':'MONITOR','helpRequestId':'hr-1'}",
                new ClientFrame.MessageSend("ix-1", "hi"),
                "{'type':'message.send','interactionId':'ix-1','text':'hi'}");
        for (Map.Entry<ClientFrame.Command, String> e : wire.entrySet()) {
            assertThat(tree(e.getKey())).as(e.getValue()).isEqualTo(json(e.getValue()));
            assertThat(JSON.readValue(e.getValue().replace('\'', '"'), ClientFrame.class)).isEqualTo(e.getKey());
            assertThat(ClientFrame.typeOf(e.getKey())).isEqualTo(json(e.getValue()).path("type").asText());
        }
    }

    @Test
    void optionalFieldsLeftOutAreNotWritten() throws Exception {
        assertThat(tree(new ClientFrame.Action("ix-1", "COACH", null)))
                .isEqualTo(json("{'type':'action','interactionId':'ix-1','action':'COACH'}"));
        assertThat(tree(new ClientFrame.HelpRequest("ix-1", "Other", null)))
                .isEqualTo(json("{'type':'help.request','interactionId':'ix-1','reason':'Other'}"));
    }

    @Test
    void theCommandsThatChangeTheFloorAreTheHelpActionAndMessageCommands() {
        List<ClientFrame.Command> all = List.of(new ClientFrame.Ping(), new ClientFrame.View("i"),
                new ClientFrame.Controls("i"), new ClientFrame.Unview(), new ClientFrame.HelpAccept("h"),
                new ClientFrame.HelpRequest("i", "r", null), new ClientFrame.HelpCancel("h"),
                new ClientFrame.HelpClose("h"), new ClientFrame.Action("i", "MONITOR", null),
                new ClientFrame.MessageSend("i", "t"));
        assertThat(all.stream().filter(ClientFrame.Command::changesTheFloor).map(ClientFrame::typeOf)
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("help.accept", "help.request", "help.cancel", "help.close", "action",
                        "message.send");
    }

    @Test
    void aRequiredFieldLeftOutIsNamed() {
        assertThatThrownBy(() -> new ClientFrame.View(null)).hasMessage("field 'interactionId' is required");
        assertThatThrownBy(() -> new ClientFrame.Action("ix-1", null, null)).hasMessage("field 'action' is required");
        assertThatThrownBy(() -> JSON.readValue("{\"type\":\"help.close\"}", ClientFrame.class))
                .hasRootCauseMessage("field 'helpRequestId' is required");
    }
}
