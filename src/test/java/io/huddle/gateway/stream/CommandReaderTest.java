package io.huddle.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.DomainException;
import io.huddle.protocol.Json;
import io.huddle.protocol.stream.ClientFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Commands read off the wire as records, and the protocol's message for each one that cannot be. */
class CommandReaderTest {
    static final ObjectMapper JSON = Json.newMapper();
    final CommandReader reader = new CommandReader(JSON);

    ClientFrame.Command read(String frame) throws Exception {
        return reader.read(JSON.readTree(frame.replace('\'', '"')));
    }

    @Test
    void aCommandIsReadAsItsRecordWithItsIdAndUnknownFieldsLeftAside() throws Exception {
        assertThat(read("{'id':'c-1','type':'action','interactionId':'ix-1','action':'monitor','extra':[1]}"))
                .isEqualTo(new ClientFrame.Action("ix-1", "monitor", null));
        assertThat(read("{'id':'c-2','type':'ping'}")).isEqualTo(new ClientFrame.Ping());
        assertThat(read("{'id':'c-3','type':'help.request','interactionId':'ix-1','reason':'Other','comment':null}"))
                .isEqualTo(new ClientFrame.HelpRequest("ix-1", "Other", null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'id':'c','type':'teleport'}|unknown command type 'teleport'",
            "{'id':'c','type':'hello','protocol':1}|unknown command type 'hello'",
            "{'id':'c','type':'hello','protocol':'x'}|unknown command type 'hello'",
            "{'id':'c','type':7}|unknown command type '7'",
            "{'id':'c','type':'view'}|field 'interactionId' is required",
            "{'id':'c','type':'view','interactionId':null}|field 'interactionId' is required",
            "{'id':'c','type':'action','interactionId':'ix-1'}|field 'action' is required",
            "{'id':'c','type':'view','interactionId':42}|field 'interactionId' must be a string",
            "{'id':'c','type':'view','interactionId':4.2}|field 'interactionId' must be a string",
            "{'id':'c','type':'help.cancel','helpRequestId':true}|field 'helpRequestId' must be a string",
            "{'id':'c','type':'message.send','interactionId':'ix-1','text':{'a':1}}|field 'text' must be a string",
            "{'id':'c','type':'message.send','interactionId':'ix-1','text':['a']}|field 'text' must be a string"})
    void aCommandThatCannotBeReadIsABadRequestSayingWhy(String frame, String message) {
        assertThatThrownBy(() -> read(frame)).isInstanceOf(DomainException.class)
                .hasMessage(message)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.BAD_REQUEST);
    }
}
