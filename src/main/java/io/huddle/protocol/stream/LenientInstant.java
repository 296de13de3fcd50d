package io.huddle.protocol.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads an ISO-8601 time, or null (logged) when it cannot be read: for a time that must not sink its frame. */
final class LenientInstant extends JsonDeserializer<Instant> {
    private static final Logger LOG = LoggerFactory.getLogger(LenientInstant.class);

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getValueAsString();
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            LOG.warn("an unreadable time '{}' in field '{}' read as none", text, p.currentName());
            return null;
        }
    }
}
