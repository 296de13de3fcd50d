package io.huddle.gateway.store;

import io.huddle.domain.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** SQL and row mapping for tenants' domains and the administration's view of users (search by user name). */
final class AdminRows {

    static final String DOMAINS = """
            SELECT d.name, (SELECT COUNT(*) FROM users u WHERE u.tenant = d.tenant AND u.domain = d.name) AS users
            FROM tenant_domains d WHERE d.tenant = ? ORDER BY d.name""";
    static final String INSERT_DOMAIN = "INSERT INTO tenant_domains (tenant, name) VALUES (?, ?)";

    static final String ACCOUNT_COLUMNS = AccountRows.USER_COLUMNS
            + ", source, password_hash IS NOT NULL AS has_password";
    static final String FIND_ACCOUNT = "SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE id = ?";

    private AdminRows() {
    }

    static TenantDomain domain(ResultSet rs) throws SQLException {
        return new TenantDomain(rs.getString("name"), rs.getInt("users"));
    }

    /** The search: every filter that is set, after the cursor's user name, one row more than the page. */
    static KeysetSearch.Sql users(UserQuery q, SqlDialect dialect) {
        Objects.requireNonNull(q.tenant(), "a user search is always scoped to a tenant");
        StringBuilder where = new StringBuilder("tenant = ?");
        List<Object> params = new ArrayList<>(List.of(q.tenant()));
        if (q.text() != null) {
            String pattern = "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            String like = " " + dialect.likeIgnoringCase() + " ? ESCAPE '\\'";
            where.append(" AND (username").append(like).append(" OR display_name").append(like).append(")");
            params.add(pattern);
            params.add(pattern);
        }
        if (q.domain() != null) {
            where.append(" AND domain = ?");
            params.add(q.domain());
        }
        if (q.role() != null) {
            where.append(" AND ").append(dialect.hasRole());
            params.add(q.role().name());
        }
        if (q.active() != null) {
            where.append(" AND active = ?");
            params.add(q.active()); // SQLite's driver binds it as 1 or 0
        }
        if (q.cursor() != null) {
            where.append(" AND username > ?");
            params.add(decodeCursor(q.cursor()));
        }
        int limit = q.limit() <= 0 ? KeysetSearch.DEFAULT_LIMIT : Math.min(q.limit(), KeysetSearch.MAX_LIMIT);
        params.add(limit + 1);
        return new KeysetSearch.Sql("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE " + where
                + " ORDER BY username LIMIT ?", params, limit);
    }

    /** Cuts the extra row off and, when there was one, makes the cursor of the last user kept. */
    static Page<UserAccount> page(List<UserAccount> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<UserAccount> items = rows.subList(0, limit);
        String last = items.get(limit - 1).user().username();
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }

    /** The user name a cursor resumes after; anything not made by {@link #page} is BAD_REQUEST. */
    static String decodeCursor(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (name.isEmpty()) {
                throw DomainException.badRequest(SearchCursor.INVALID);
            }
            return name;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw DomainException.badRequest(SearchCursor.INVALID);
        }
    }
}
