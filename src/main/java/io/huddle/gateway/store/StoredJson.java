package io.huddle.gateway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huddle.domain.Escalation;
import io.huddle.domain.EscalationSettings;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON columns of the store (text on SQLite, jsonb on PostgreSQL). The stored shape is written field by
 * field rather than by reflection, so renaming a record component cannot silently change (or break reading)
 * stored data.
 * Malformed stored JSON is reported as an {@link SQLException} naming the column.
 */
final class StoredJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredJson() {
    }

    static String strings(List<String> values) throws SQLException {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return write(array);
    }

    static List<String> strings(String json, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        for (JsonNode node : array(json, column)) {
            if (!node.isTextual()) {
                throw new SQLException("malformed JSON in " + column + ": expected strings, got " + node);
            }
            values.add(node.textValue());
        }
        return values;
    }

    /** Enum names in declaration order, so equal sets always give equal text. */
    static <E extends Enum<E>> String enums(Collection<E> values, Class<E> type) throws SQLException {
        EnumSet<E> sorted = values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
        ArrayNode array = MAPPER.createArrayNode();
        sorted.forEach(e -> array.add(e.name()));
        return write(array);
    }

    static <E extends Enum<E>> Set<E> enums(String json, Class<E> type, String column) throws SQLException {
        EnumSet<E> values = EnumSet.noneOf(type);
        for (String name : strings(json, column)) {
            values.add(Jdbc.enumValue(name, type, column));
        }
        return values;
    }

    static String participants(List<Participant> participants) throws SQLException {
        ArrayNode array = MAPPER.createArrayNode();
        for (Participant p : participants) {
            ObjectNode node = array.addObject();
            node.put("id", p.id());
            node.put("name", p.name());
            node.put("kind", p.kind() == null ? null : p.kind().name());
            node.put("mode", p.mode() == null ? null : p.mode().name());
            node.put("audio", p.audio() == null ? null : p.audio().name());
            node.put("since", p.since() == null ? null : p.since().toEpochMilli());
        }
        return write(array);
    }

    static List<Participant> participants(String json, String column) throws SQLException {
        List<Participant> participants = new ArrayList<>();
        for (JsonNode node : array(json, column)) {
            if (!node.isObject()) {
                throw new SQLException("malformed JSON in " + column + ": expected objects, got " + node);
            }
            participants.add(new Participant(text(node, "id"), text(node, "name"),
                    Jdbc.enumValue(text(node, "kind"), Participant.Kind.class, column),
                    Jdbc.enumValue(text(node, "mode"), SupervisorMode.class, column),
                    Jdbc.enumValue(text(node, "audio"), SupervisorMode.AudioLeg.class, column),
                    node.hasNonNull("since") ? java.time.Instant.ofEpochMilli(node.get("since").asLong()) : null));
        }
        return participants;
    }

    /** {@code [{"step":"reminded","at":epochMillis,"assignedTo":[ids],"notified":[ids]}]}. */
    static String escalations(List<Escalation> steps) throws SQLException {
        ArrayNode array = MAPPER.createArrayNode();
        for (Escalation e : steps) {
            ObjectNode node = array.addObject();
            node.put("step", e.step().wireName());
            node.put("at", e.at().toEpochMilli());
            e.assignedTo().forEach(node.putArray("assignedTo")::add);
            e.notified().forEach(node.putArray("notified")::add);
        }
        return write(array);
    }

    static List<Escalation> escalations(String json, String column) throws SQLException {
        List<Escalation> steps = new ArrayList<>();
        for (JsonNode node : array(json, column)) {
            if (!node.isObject() || !node.hasNonNull("step") || !node.path("at").canConvertToLong()) {
                throw new SQLException("malformed JSON in " + column + ": expected {step, at, ...}, got " + node);
            }
            Escalation.Step step;
            try {
                step = Escalation.Step.fromWire(node.get("step").asText());
            } catch (IllegalArgumentException e) {
                throw new SQLException("malformed JSON in " + column + ": " + e.getMessage(), e);
            }
            steps.add(new Escalation(step, java.time.Instant.ofEpochMilli(node.get("at").asLong()),
                    texts(node.path("assignedTo"), column), texts(node.path("notified"), column)));
        }
        return steps;
    }

    /** {@code {"remindAfter":30,"escalateAfter":90,"acceptWithin":60,"escalationGroup":[ids]}} (seconds). */
    static String escalation(EscalationSettings settings) throws SQLException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("remindAfter", settings.remindAfter());
        node.put("escalateAfter", settings.escalateAfter());
        node.put("acceptWithin", settings.acceptWithin());
        settings.escalationGroup().forEach(node.putArray("escalationGroup")::add);
        return write(node);
    }

    /** The stored ladder, or the defaults when the column is NULL (a tenant saved before version 9). */
    static EscalationSettings escalation(String json, String column) throws SQLException {
        if (json == null) {
            return EscalationSettings.defaults();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("malformed JSON in " + column + ": " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new SQLException("malformed JSON in " + column + ": expected an object");
        }
        EscalationSettings d = EscalationSettings.defaults();
        return new EscalationSettings(node.path("remindAfter").asLong(d.remindAfter()),
                node.path("escalateAfter").asLong(d.escalateAfter()),
                node.path("acceptWithin").asLong(d.acceptWithin()), texts(node.path("escalationGroup"), column));
    }

    private static List<String> texts(JsonNode array, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return values;
        }
        if (!array.isArray()) {
            throw new SQLException("malformed JSON in " + column + ": expected an array of ids, got " + array);
        }
        for (JsonNode n : array) {
            values.add(n.asText());
        }
        return values;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode array(String json, String column) throws SQLException {
        if (json == null) {
            throw new SQLException("missing JSON in " + column);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("malformed JSON in " + column + ": " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isArray()) {
            throw new SQLException("malformed JSON in " + column + ": expected an array");
        }
        return node;
    }

    private static String write(JsonNode node) throws SQLException {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new SQLException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
