package io.huddle.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL and row mapping for SCIM: tokens, users' SCIM attributes, groups and members, and the lists' conditions. */
final class ScimRows {

    static final String TOKEN_COLUMNS = "id, tenant, name, created_at, created_by, last_used_at";
    static final String INSERT_TOKEN = "INSERT INTO scim_tokens (" + TOKEN_COLUMNS + ", token_digest)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String TOKENS = "SELECT " + TOKEN_COLUMNS + " FROM scim_tokens WHERE tenant = ?"
            + " ORDER BY created_at, id";
    static final String TOKEN_BY_DIGEST = "SELECT " + TOKEN_COLUMNS + " FROM scim_tokens WHERE token_digest = ?";
    static final String DELETE_TOKEN = "DELETE FROM scim_tokens WHERE tenant = ? AND id = ?";
    static final String TOKEN_USED = "UPDATE scim_tokens SET last_used_at = ? WHERE id = ?";

    static final String USER_FROM = " FROM users u LEFT JOIN scim_users s ON s.user_id = u.id";
    static final String USER_SELECT = "SELECT u.id, u.tenant, u.domain, u.username, u.display_name, u.roles,"
            + " u.platform_user_id, u.active, s.external_id, s.managed" + USER_FROM;
    static final String USER_BY_ID = USER_SELECT + " WHERE u.tenant = ? AND u.id = ?";

    /**
     * Upsert by id that never touches the password hash: SCIM neither sets nor clears a password (bound like
     * {@link AccountRows#UPSERT_USER}, with no hash). A user SCIM creates says so in {@code source}; one it takes
     * over keeps the source it had.
     */
    static final String UPSERT_USER = """
            INSERT INTO users (id, tenant, domain, username, display_name, roles, password_hash, platform_user_id,
                               active, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scim')
            ON CONFLICT (id) DO UPDATE SET
                domain = excluded.domain, username = excluded.username, display_name = excluded.display_name,
                roles = excluded.roles, platform_user_id = excluded.platform_user_id, active = excluded.active""";
    /** A user SCIM creates: an id or a username taken meanwhile is a constraint error, never an overwrite. */
    static final String INSERT_USER = """
            INSERT INTO users (id, tenant, domain, username, display_name, roles, password_hash, platform_user_id,
                               active, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scim')""";
    /** The domain a placement names joins the tenant's domains, so administration lists it like any other. */
    static final String ENSURE_DOMAIN = "INSERT INTO tenant_domains (tenant, name) VALUES (?, ?) ON CONFLICT DO NOTHING";
    static final String UPSERT_SCIM_USER = """
            INSERT INTO scim_users (user_id, tenant, external_id, managed) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET external_id = excluded.external_id, managed = excluded.managed""";
    static final String DELETE_USER = "DELETE FROM users WHERE tenant = ? AND id = ?";
    static final String USER_ID_DELETED = "SELECT 1 FROM admin_changes WHERE tenant = ? AND target_id = ?"
            + " AND action = 'user.delete' LIMIT 1";

    static final String GROUP_COLUMNS = "g.id, g.tenant, g.display_name, g.external_id, g.created_at, g.updated_at";
    static final String GROUP_FROM = " FROM scim_groups g";
    static final String GROUP_BY_ID = "SELECT " + GROUP_COLUMNS + GROUP_FROM + " WHERE g.tenant = ? AND g.id = ?";
    static final String GROUPS_OF_USER = "SELECT " + GROUP_COLUMNS + GROUP_FROM
            + " JOIN scim_group_members m ON m.group_id = g.id WHERE m.user_id = ? ORDER BY g.display_name, g.id";
    static final String MEMBERS = "SELECT user_id FROM scim_group_members WHERE group_id = ? ORDER BY user_id";
    static final String UPSERT_GROUP = """
            INSERT INTO scim_groups (id, tenant, display_name, external_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, external_id = excluded.external_id,
                updated_at = excluded.updated_at""";
    static final String DELETE_MEMBERS = "DELETE FROM scim_group_members WHERE group_id = ?";
    static final String INSERT_MEMBER = "INSERT INTO scim_group_members (group_id, user_id) VALUES (?, ?)";
    static final String DELETE_GROUP = "DELETE FROM scim_groups WHERE tenant = ? AND id = ?";

    private ScimRows() {
    }

    static ScimToken token(ResultSet rs) throws SQLException {
        return new ScimToken(rs.getString("id"), rs.getString("tenant"), rs.getString("name"),
                Jdbc.getInstant(rs, "created_at"), rs.getString("created_by"),
                Jdbc.getInstant(rs, "last_used_at"));
    }

    static ScimGroup group(ResultSet rs) throws SQLException {
        return new ScimGroup(rs.getString("id"), rs.getString("tenant"), rs.getString("display_name"),
                rs.getString("external_id"), Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "updated_at"), List.of());
    }

    /** A condition as SQL over the users query ({@code u}, {@code s}) or the groups query ({@code g}). */
    record Where(String sql, List<Object> args) {
    }

    static Where users(ScimCondition condition, SqlDialect dialect) {
        List<Object> args = new ArrayList<>();
        return new Where(sql(condition, true, dialect, args), args);
    }

    static Where groups(ScimCondition condition, SqlDialect dialect) {
        List<Object> args = new ArrayList<>();
        return new Where(sql(condition, false, dialect, args), args);
    }

    private static String sql(ScimCondition c, boolean users, SqlDialect dialect, List<Object> args) {
        if (c instanceof ScimCondition.And and) {
            return "(" + sql(and.left(), users, dialect, args) + " AND " + sql(and.right(), users, dialect, args) + ")";
        }
        if (c instanceof ScimCondition.Or or) {
            return "(" + sql(or.left(), users, dialect, args) + " OR " + sql(or.right(), users, dialect, args) + ")";
        }
        if (c instanceof ScimCondition.Not not) {
            return "NOT (" + sql(not.inner(), users, dialect, args) + ")";
        }
        if (c instanceof ScimCondition.Compare compare) {
            return compare(compare, users, dialect, args);
        }
        return "1 = 1";
    }

    private static String compare(ScimCondition.Compare c, boolean users, SqlDialect dialect, List<Object> args) {
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
                    args.add(Boolean.TRUE.equals(c.value())); // SQLite's driver binds it as 1 or 0
                    yield column + (c.operator() == ScimCondition.Operator.EQ ? " = ?" : " <> ?");
                }
                default -> throw new IllegalArgumentException("active can only be compared with eq, ne or pr");
            };
        }
        if (c.operator() == ScimCondition.Operator.PR) {
            return "(" + column + " IS NOT NULL AND " + column + " <> '')";
        }
        boolean exact = c.attribute() == ScimCondition.Attribute.ID
                || c.attribute() == ScimCondition.Attribute.EXTERNAL_ID;
        String value = c.value() == null ? null : String.valueOf(c.value());
        return dialect.scimCompare(c.operator(), column, exact, value, args);
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
