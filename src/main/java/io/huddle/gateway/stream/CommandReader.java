package io.huddle.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.huddle.domain.DomainException;
import io.huddle.protocol.stream.ClientFrame;

/**
 * Reads a command frame as its {@link ClientFrame.Command} record, refusing one it cannot read with the
 * protocol's messages ("unknown command type 'x'", "field 'x' is required", "field 'x' must be a string").
 */
final class CommandReader {
    private final ObjectMapper json;

    /** @param json the wire's mapper; it is copied, so that only commands refuse a number or boolean for a string */
    CommandReader(ObjectMapper json) {
        this.json = json.copy();
        MutableCoercionConfig strings = this.json.coercionConfigFor(LogicalType.Textual);
        for (CoercionInputShape scalar : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            strings.setCoercion(scalar, CoercionAction.Fail);
        }
    }

    /** @param frame a JSON object with a {@code type} */
    ClientFrame.Command read(JsonNode frame) {
        if ("hello".equals(frame.path("type").asText())) {
            throw unknown(frame); // a second hello is no command, however it is written
        }
        ClientFrame read;
        try {
            read = json.treeToValue(frame, ClientFrame.class);
        } catch (InvalidTypeIdException e) {
            throw unknown(frame);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof IllegalArgumentException missing) {
                throw DomainException.badRequest(missing.getMessage());
            }
            throw DomainException.badRequest("command '" + frame.path("type").asText() + "' could not be read: "
                    + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            // a field of the wrong shape; the commands' fields are all strings
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            if (field == null) {
                throw DomainException.badRequest("command '" + frame.path("type").asText()
                        + "' could not be read: " + e.getOriginalMessage());
            }
            throw DomainException.badRequest("field '" + field + "' must be a string");
        } catch (JsonProcessingException e) {
            throw DomainException.badRequest("command '" + frame.path("type").asText() + "' could not be read: "
                    + e.getOriginalMessage());
        }
        if (read instanceof ClientFrame.Command command) {
            return command;
        }
        throw unknown(frame);
    }

    private static DomainException unknown(JsonNode frame) {
        return DomainException.badRequest("unknown command type '" + frame.path("type").asText() + "'");
    }
}
