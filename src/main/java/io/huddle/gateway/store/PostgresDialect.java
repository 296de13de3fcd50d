package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.queryOne;
import static io.huddle.gateway.store.Jdbc.setText;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's wording: no {@code rowid}, names compared ignoring case with {@code lower()} (SQLite's
 * {@code COLLATE NOCASE}), {@code strpos}/{@code left}/{@code right}, {@code ILIKE}, {@code jsonb} operators,
 * and {@code DELETE ... RETURNING} where two gateways could race for a row.
 */
final class PostgresDialect implements SqlDialect {

    static final PostgresDialect INSTANCE = new PostgresDialect();

    /** Read from sessions_expiry. */
    private static final String DELETE_EXPIRED_SESSIONS = """
            DELETE FROM sessions WHERE token_digest IN (
                SELECT token_digest FROM sessions WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""";
    /** Read from sso_attempts_expiry. */
    private static final String DELETE_EXPIRED_ATTEMPTS = """
            DELETE FROM sso_attempts WHERE state_digest IN (
                SELECT state_digest FROM sso_attempts WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""";
    /** Deletes the attempt and answers it: of two takers at once, the second finds nothing to delete. */
    private static final String TAKE_ATTEMPT = "DELETE FROM sso_attempts WHERE state_digest = ?"
            + " RETURNING " + SsoRows.ATTEMPT_COLUMNS;
    private static final String SCIM_USER_BY_NAME = ScimRows.USER_SELECT
            + " WHERE u.tenant = ? AND lower(u.username) = lower(?) ORDER BY u.username = ? DESC LIMIT 1";
    private static final String SCIM_GROUP_BY_NAME = "SELECT " + ScimRows.GROUP_COLUMNS + ScimRows.GROUP_FROM
            + " WHERE g.tenant = ? AND lower(g.display_name) = lower(?) ORDER BY g.display_name LIMIT 1";

    private PostgresDialect() {
    }

    @Override
    public String deleteExpiredSessions() {
        return DELETE_EXPIRED_SESSIONS;
    }

    @Override
    public String deleteExpiredSsoAttempts() {
        return DELETE_EXPIRED_ATTEMPTS;
    }

    /** One statement: of several gateways taking the same attempt at once, only one gets the deleted row. */
    @Override
    public Optional<SsoAttempt> takeSsoAttempt(Connection c, String stateDigest) throws SQLException {
        return queryOne(c, TAKE_ATTEMPT, ps -> setText(ps, 1, stateDigest), SsoRows::attempt);
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
        switch (operator) {
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
                throw new IllegalArgumentException("unknown operator " + operator);
        }
    }

    /** Case-exact attributes as they are; the others folded to lower case (ASCII, as the columns' "C" collation). */
    private static String folded(String sql, boolean exact) {
        return exact ? sql : "lower(" + sql + ")";
    }

    @Override
    public String likeIgnoringCase() {
        return "ILIKE";
    }

    @Override
    public String hasRole() {
        return "roles @> jsonb_build_array(?::text)";
    }

    @Override
    public AnalyticsRows<HelpRequestTally> helpRequestAnalytics(Connection c, AnalyticsQuery q) throws SQLException {
        return AnalyticsSql.helpRequests(c, q, AnalyticsSql.POSTGRES);
    }

    @Override
    public AnalyticsRows<InterventionTally> interventionAnalytics(Connection c, AnalyticsQuery q) throws SQLException {
        return AnalyticsSql.interventions(c, q, AnalyticsSql.POSTGRES);
    }
}
