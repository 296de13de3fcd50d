package io.huddle.gateway.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The statements of the PostgreSQL store that PostgreSQL words differently from SQLite; every other statement is
 * the SQLite store's own ({@code Sqlite*Rows}), which both databases read the same way.
 */
final class PostgresSql {

    /** This transaction's commit does not wait for the disk (churn the platform tells again). */
    static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit = off";

    /** The oldest expired sessions, at most a limit of them, read from sessions_expiry. */
    static final String DELETE_EXPIRED_SESSIONS = """
            DELETE FROM sessions WHERE token_digest IN (
                SELECT token_digest FROM sessions WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""";

    /** The oldest expired attempts, at most a limit of them, read from sso_attempts_expiry. */
    static final String DELETE_EXPIRED_ATTEMPTS = """
            DELETE FROM sso_attempts WHERE state_digest IN (
                SELECT state_digest FROM sso_attempts WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""";

    /** Deletes the attempt and answers it: of two takers at once, the second finds nothing to delete. */
    static final String TAKE_ATTEMPT = "DELETE FROM sso_attempts WHERE state_digest = ?"
            + " RETURNING state_digest, tenant, issuer, nonce, redirect_uri, expires_at";

    private PostgresSql() {
    }

    /**
     * The administration's user search ({@link AdminRows#users}): the text matches user or display name
     * ignoring case, the role is looked up in the roles' JSON array, the cursor is the last user name.
     */
    static KeysetSearch.Sql users(UserQuery q) {
        Objects.requireNonNull(q.tenant(), "a user search is always scoped to a tenant");
        StringBuilder where = new StringBuilder("tenant = ?");
        List<Object> params = new ArrayList<>(List.of(q.tenant()));
        if (q.text() != null) {
            String pattern = "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (username ILIKE ? ESCAPE '\\' OR display_name ILIKE ? ESCAPE '\\')");
            params.add(pattern);
            params.add(pattern);
        }
        if (q.domain() != null) {
            where.append(" AND domain = ?");
            params.add(q.domain());
        }
        if (q.role() != null) {
            where.append(" AND roles @> jsonb_build_array(?::text)");
            params.add(q.role().name());
        }
        if (q.active() != null) {
            where.append(" AND active = ?");
            params.add(q.active());
        }
        if (q.cursor() != null) {
            where.append(" AND username > ?");
            params.add(AdminRows.decodeCursor(q.cursor()));
        }
        int limit = q.limit() <= 0 ? KeysetSearch.DEFAULT_LIMIT : Math.min(q.limit(), KeysetSearch.MAX_LIMIT);
        params.add(limit + 1);
        return new KeysetSearch.Sql("SELECT " + AdminRows.ACCOUNT_COLUMNS + " FROM users WHERE " + where
                + " ORDER BY username LIMIT ?", params, limit);
    }
}
