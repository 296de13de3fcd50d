package io.huddle.gateway.scim;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import io.huddle.gateway.store.ScimCondition;
import io.huddle.gateway.store.ScimCondition.Attribute;
import io.huddle.gateway.store.ScimCondition.Operator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a SCIM filter (RFC 7644 section 3.4.2.2, parsed by the SCIM SDK) into a condition the store can run. Only
 * the attributes the store can search are accepted, with eq, ne, co, sw, ew, pr, and, or and not; anything else is
 * a 400 {@code invalidFilter} naming it.
 */
final class ScimFilters {
    static final int MAX_LENGTH = 1_000;

    static final Map<String, Attribute> USERS = Map.of("id", Attribute.ID, "username", Attribute.USER_NAME,
            "displayname", Attribute.DISPLAY_NAME, "externalid", Attribute.EXTERNAL_ID, "active", Attribute.ACTIVE);
    static final Map<String, Attribute> GROUPS = Map.of("id", Attribute.ID, "displayname", Attribute.DISPLAY_NAME,
            "externalid", Attribute.EXTERNAL_ID, "members", Attribute.MEMBER, "members.value", Attribute.MEMBER);

    private ScimFilters() {
    }

    /** The condition of a {@code filter} query parameter; no filter matches everything. */
    static ScimCondition parse(String filter, Map<String, Attribute> attributes) throws BadRequestException {
        if (filter == null || filter.isBlank()) {
            return new ScimCondition.All();
        }
        if (filter.length() > MAX_LENGTH) {
            throw BadRequestException.invalidFilter("the filter is longer than " + MAX_LENGTH + " characters");
        }
        Filter parsed;
        try {
            parsed = Filter.fromString(filter);
        } catch (BadRequestException e) {
            throw BadRequestException.invalidFilter("the filter cannot be read: " + firstLine(e.getMessage()));
        }
        return condition(parsed, attributes, 0);
    }

    private static ScimCondition condition(Filter f, Map<String, Attribute> attributes, int depth)
            throws BadRequestException {
        if (depth > 20) {
            throw BadRequestException.invalidFilter("the filter is nested too deeply");
        }
        switch (f.getFilterType()) {
            case AND:
            case OR: {
                List<Filter> parts = f.getCombinedFilters();
                ScimCondition c = condition(parts.get(0), attributes, depth + 1);
                for (Filter part : parts.subList(1, parts.size())) {
                    ScimCondition next = condition(part, attributes, depth + 1);
                    c = f.getFilterType() == com.unboundid.scim2.common.filters.FilterType.AND
                            ? new ScimCondition.And(c, next) : new ScimCondition.Or(c, next);
                }
                return c;
            }
            case NOT:
                return new ScimCondition.Not(condition(f.getInvertedFilter(), attributes, depth + 1));
            case COMPLEX_VALUE: {
                // members[value eq "id"] is the one complex filter a store search can answer
                String name = name(f.getAttributePath());
                Filter inner = f.getValueFilter();
                if (attributes.get(name) == Attribute.MEMBER && inner.getFilterType()
                        == com.unboundid.scim2.common.filters.FilterType.EQUAL
                        && "value".equalsIgnoreCase(name(inner.getAttributePath()))) {
                    return new ScimCondition.Compare(Attribute.MEMBER, Operator.EQ, text(inner.getComparisonValue()));
                }
                throw BadRequestException.invalidFilter("the filter '" + f + "' is not supported");
            }
            default:
                return compare(f, attributes);
        }
    }

    private static ScimCondition compare(Filter f, Map<String, Attribute> attributes) throws BadRequestException {
        String name = name(f.getAttributePath());
        Attribute attribute = attributes.get(name);
        if (attribute == null) {
            throw BadRequestException.invalidFilter("attribute '" + f.getAttributePath()
                    + "' cannot be filtered on; supported: " + String.join(", ", attributes.keySet()));
        }
        Operator op = switch (f.getFilterType()) {
            case EQUAL -> Operator.EQ;
            case NOT_EQUAL -> Operator.NE;
            case CONTAINS -> Operator.CO;
            case STARTS_WITH -> Operator.SW;
            case ENDS_WITH -> Operator.EW;
            case PRESENT -> Operator.PR;
            default -> throw BadRequestException.invalidFilter("operator '" + f.getFilterType()
                    + "' is not supported; supported: eq, ne, co, sw, ew, pr, and, or, not");
        };
        if (op == Operator.PR) {
            return new ScimCondition.Compare(attribute, op, null);
        }
        ValueNode value = f.getComparisonValue();
        if (attribute == Attribute.ACTIVE) {
            if (value == null || !value.isBoolean() || (op != Operator.EQ && op != Operator.NE)) {
                throw BadRequestException.invalidFilter("'active' is compared with eq or ne to true or false");
            }
            return new ScimCondition.Compare(attribute, op, value.booleanValue());
        }
        if (attribute == Attribute.MEMBER && op != Operator.EQ) {
            throw BadRequestException.invalidFilter("members are compared with eq only");
        }
        return new ScimCondition.Compare(attribute, op, text(value));
    }

    private static String text(ValueNode value) throws BadRequestException {
        if (value == null || !value.isTextual()) {
            throw BadRequestException.invalidFilter("this attribute is compared to a string in double quotes");
        }
        return value.textValue();
    }

    /** The attribute's name without its schema, lower case, with a sub-attribute after a dot. */
    private static String name(Path path) {
        StringBuilder b = new StringBuilder();
        for (Path.Element e : path) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(e.getAttribute());
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        int source = line.indexOf(" (start marker");
        return source < 0 ? line : line.substring(0, source);
    }
}
