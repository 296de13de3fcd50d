package io.huddle.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The statements SQLite and PostgreSQL word differently ({@link SqliteDialect}, {@link PostgresDialect}); every
 * other statement is written once, in the {@code *Rows} classes, and means the same on both.
 */
interface SqlDialect {

    /** Deletes the oldest expired sessions, at most a limit of them; parameters: the cutoff, the limit. */
    String deleteExpiredSessions();

    /** Deletes the oldest expired single sign-on attempts, at most a limit; parameters: the cutoff, the limit. */
    String deleteExpiredSsoAttempts();

    /** Finds and deletes an attempt: of two takers at once (even on two gateways), only one gets it. */
    Optional<SsoAttempt> takeSsoAttempt(Connection c, String stateDigest) throws SQLException;

    /** The SCIM user of a tenant by user name ignoring case, an exact match first; parameters: tenant, name, name. */
    String scimUserByName();

    /** The SCIM group of a tenant by display name ignoring case; parameters: tenant, name. */
    String scimGroupByName();

    /**
     * A SCIM filter's text comparison (eq, ne, co, sw, ew) of {@code column} with {@code value}: case-exact or
     * ignoring case. Adds the parameters it needs to {@code args}.
     */
    String scimCompare(ScimCondition.Operator operator, String column, boolean exact, String value,
                       List<Object> args);

    /** The operator that matches a pattern (escaped with a backslash) ignoring case. */
    String likeIgnoringCase();

    /** A condition that the {@code users} row's roles (a JSON array) hold one role; parameter: its name. */
    String hasRole();

    AnalyticsRows<HelpRequestTally> helpRequestAnalytics(Connection c, AnalyticsQuery q) throws SQLException;

    AnalyticsRows<InterventionTally> interventionAnalytics(Connection c, AnalyticsQuery q) throws SQLException;
}
