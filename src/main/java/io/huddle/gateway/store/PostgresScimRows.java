package io.huddle.gateway.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The SCIM statements PostgreSQL words differently: names compared ignoring case with {@code lower()} (SQLite's
 * {@code COLLATE NOCASE}), and the lists' conditions ({@link ScimRows#users}) with PostgreSQL's string
 * functions and booleans.
 */
final class PostgresScimRows {

    static final String USER_BY_NAME = ScimRows.USER_SELECT + " WHERE u.tenant = ? AND lower(u.username) = lower(?)"
            + " ORDER BY u.username = ? DESC LIMIT 1";
    static final String GROUP_BY_NAME = "SELECT " + ScimRows.GROUP_COLUMNS + ScimRows.GROUP_FROM
            + " WHERE g.tenant = ? AND lower(g.display_name) = lower(?) ORDER BY g.display_name LIMIT 1";

    private PostgresScimRows() {
    }

    static ScimRows.Where users(ScimCondition condition) {
        List<Object> args = new ArrayList<>();
        return new ScimRows.Where(sql(condition, true, args), args);
    }

    static ScimRows.Where groups(ScimCondition condition) {
        List<Object> args = new ArrayList<>();
        return new ScimRows.Where(sql(condition, false, args), args);
    }

    private static String sql(ScimCondition c, boolean users, List<Object> args) {
        if (c instanceof ScimCondition.And and) {
            return "(" + sql(and.left(), users, args) + " AND " + sql(and.right(), users, args) + ")";
        }
        if (c instanceof ScimCondition.Or or) {
            return "(" + sql(or.left(), users, args) + " OR " + sql(or.right(), users, args) + ")";
        }
        if (c instanceof ScimCondition.Not not) {
            return "NOT (" + sql(not.inner(), users, args) + ")";
        }
        if (c instanceof ScimCondition.Compare compare) {
            return compare(compare, users, args);
        }
        return "1 = 1";
    }

    private static String compare(ScimCondition.Compare c, boolean users, List<Object> args) {
        if (c.attribute() == ScimCondition.Attribute.MEMBER) {
            if (users || c.operator() != ScimCondition.Operator.EQ) {
                throw new IllegalArgumentException("members can only be compared with eq, on groups");
            }
            args.add(String.valueOf(c.value()));
            return "EXISTS (SELECT 1 FROM scim_group_members mm WHERE mm.group_id = g.id AND mm.user_id = ?)";
        }
        String column = column(c.attribute(), users);
        if (c.attribute() == ScimCondition.Attribute.ACTIVE) {
            return switch (c.operator()) {
                case PR -> "1 = 1";
                case EQ, NE -> {
                    args.add(Boolean.TRUE.equals(c.value()));
                    yield column + (c.operator() == ScimCondition.Operator.EQ ? " = ?" : " <> ?");
                }
                default -> throw new IllegalArgumentException("active can only be compared with eq, ne or pr");
            };
        }
        boolean exact = c.attribute() == ScimCondition.Attribute.ID
                || c.attribute() == ScimCondition.Attribute.EXTERNAL_ID;
        
        String value = c.value() == null ? null : String.valueOf(c.value());
        switch (c.operator()) {
            case PR:
                return "(" + column + " IS NOT NULL AND " + column + " <> '')";
            case EQ:
                args.add(value);
                return folded(column, exact) + " = " + folded("?::text", exact);
            case NE:
                args.add(value);
                return "(" + column + " IS NULL OR " + folded(column, exact) + " <> " + folded("?::text", exact) + ")";
            case CO:
                args.add(value);
                return "strpos(" + folded(column, exact) + ", " + folded("?::text", exact) + ") > 0";
            case SW:
                args.add(value);
                args.add(value);
                return "left(" + folded(column, exact) + ", length(?::text)) = " + folded("?::text", exact);
            case EW:
                args.add(value);
                args.add(value);
                return "right(" + folded(column, exact) + ", length(?::text)) = " + folded("?::text", exact);
            default:
                throw new IllegalArgumentException("unknown operator " + c.operator());
        }
    }

    /** Case-exact attributes as they are; the others folded to lower case (ASCII, as the columns' "C" collation). */
    private static String folded(String sql, boolean exact) {
        return exact ? sql : "lower(" + sql + ")";
    }

    private static String column(ScimCondition.Attribute attribute, boolean users) {
        return switch (attribute) {
            case ID -> users ? "u.id" : "g.id";
            case USER_NAME -> users ? "u.username" : fail(attribute);
            case DISPLAY_NAME -> users ? "u.display_name" : "g.display_name";
            case EXTERNAL_ID -> users ? "s.external_id" : "g.external_id";
            case ACTIVE -> users ? "u.active" : fail(attribute);
            case MEMBER -> fail(attribute);
        };
    }

    private static String fail(ScimCondition.Attribute attribute) {
        throw new IllegalArgumentException(attribute + " cannot be searched here");
    }
}
