package io.huddle.gateway.store;

/**
 * What a SCIM list asks for, as the store understands it: comparisons of the few attributes it can search,
 * joined by and, or and not. The SCIM layer builds it from a filter (RFC 7644 section 3.4.2.2).
 */
public sealed interface ScimCondition {

    /** The attributes a condition may name. Text compares ignoring case except the ids, as RFC 7643 says. */
    enum Attribute { ID, USER_NAME, DISPLAY_NAME, EXTERNAL_ID, ACTIVE, MEMBER }

    /** eq, ne, co (contains), sw (starts with), ew (ends with), pr (present: no value). */
    enum Operator { EQ, NE, CO, SW, EW, PR }

    /** Matches every row. */
    record All() implements ScimCondition {
    }

    record Compare(Attribute attribute, Operator operator, Object value) implements ScimCondition {
    }

    record And(ScimCondition left, ScimCondition right) implements ScimCondition {
    }

    record Or(ScimCondition left, ScimCondition right) implements ScimCondition {
    }

    record Not(ScimCondition inner) implements ScimCondition {
    }
}
