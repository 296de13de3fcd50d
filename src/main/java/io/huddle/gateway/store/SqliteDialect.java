package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.queryOne;
import static io.huddle.gateway.store.Jdbc.setText;
import static io.huddle.gateway.store.Jdbc.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQLite's wording: {@code rowid}, {@code COLLATE NOCASE}, {@code instr}/{@code substr}, {@code json_each}. */
final class SqliteDialect implements SqlDialect {

    static final SqliteDialect INSTANCE = new SqliteDialect();

    /** Read from sessions_expiry alone, deleted by rowid. */
    static final String DELETE_EXPIRED_SESSIONS = """
            DELETE FROM sessions WHERE rowid IN (
                SELECT rowid FROM sessions WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""";
    /** Read from sso_attempts_expiry, deleted by rowid. */
    static final String DELETE_EXPIRED_ATTEMPTS = """
            DELETE FROM sso_attempts WHERE rowid IN (
                SELECT rowid FROM sso_attempts WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""";
    private static final String FIND_ATTEMPT = "SELECT " + SsoRows.ATTEMPT_COLUMNS
            + " FROM sso_attempts WHERE state_digest = ?";
    private static final String DELETE_ATTEMPT = "DELETE FROM sso_attempts WHERE state_digest = ?";
    private static final String SCIM_USER_BY_NAME = ScimRows.USER_SELECT
            + " WHERE u.tenant = ? AND u.username = ? COLLATE NOCASE ORDER BY u.username = ? DESC LIMIT 1";
    private static final String SCIM_GROUP_BY_NAME = "SELECT " + ScimRows.GROUP_COLUMNS + ScimRows.GROUP_FROM
            + " WHERE g.tenant = ? AND g.display_name = ? COLLATE NOCASE LIMIT 1";

    private SqliteDialect() {
    }

    @Override
    public String deleteExpiredSessions() {
        return DELETE_EXPIRED_SESSIONS;
    }

    @Override
    public String deleteExpiredSsoAttempts() {
        return DELETE_EXPIRED_ATTEMPTS;
    }

    @Override
    public Optional<SsoAttempt> takeSsoAttempt(Connection c, String stateDigest) throws SQLException {
        return Jdbc.inTransaction(c, conn -> {
            Optional<SsoAttempt> found = queryOne(conn, FIND_ATTEMPT, ps -> setText(ps, 1, stateDigest),
                    SsoRows::attempt);
            // the delete decides: a store shared by several gateways lets only one of them remove the row
            boolean taken = found.isPresent()
                    && update(conn, DELETE_ATTEMPT, ps -> setText(ps, 1, stateDigest)) == 1;
            return taken ? found : Optional.<SsoAttempt>empty();
        });
    }

    @Override
    public String scimUserByName() {
        return SCIM_USER_BY_NAME;
    }

    @Override
    public String scimGroupByName() {
        return SCIM_GROUP_BY_NAME;
    }

    @Override
    public String scimCompare(ScimCondition.Operator operator, String column, boolean exact, String value,
                              List<Object> args) {
        String collate = exact ? "" : " COLLATE NOCASE";
        switch (operator) {
            case EQ:
                args.add(value);
                return column + " = ?" + collate;
            case NE:
                args.add(value);
                return "(" + column + " IS NULL OR " + column + " <> ?" + collate + ")";
            case CO:
                args.add(value);
                return exact ? "instr(" + column + ", ?) > 0" : "instr(lower(" + column + "), lower(?)) > 0";
            case SW:
                args.add(value);
                args.add(value);
                return "substr(" + column + ", 1, length(?)) = ?" + collate;
            case EW:
                args.add(value);
                args.add(value);
                args.add(value);
                return "(length(" + column + ") >= length(?) AND substr(" + column + ", -length(?)) = ?" + collate
                        + ")";
            default:
                throw new IllegalArgumentException("unknown operator " + operator);
        }
    }

    /** SQLite's LIKE ignores the case of ASCII letters. */
    @Override
    public String likeIgnoringCase() {
        return "LIKE";
    }

    @Override
    public String hasRole() {
        return "EXISTS (SELECT 1 FROM json_each(users.roles) r WHERE r.value = ?)";
    }

    @Override
    public AnalyticsRows<HelpRequestTally> helpRequestAnalytics(Connection c, AnalyticsQuery q) throws SQLException {
        return AnalyticsSql.helpRequests(c, q, AnalyticsSql.SQLITE);
    }

    @Override
    public AnalyticsRows<InterventionTally> interventionAnalytics(Connection c, AnalyticsQuery q) throws SQLException {
        return AnalyticsSql.interventions(c, q, AnalyticsSql.SQLITE);
    }
}
