package io.huddle.gateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned schema of the PostgreSQL store: Flyway migrations in {@code db/postgres} ({@code V1__baseline.sql}
 * and any after it), applied at open. Flyway takes a lock in the database while it migrates, so gateways started
 * together on one database migrate it once. A database at a version newer than this build knows is refused.
 */
final class PostgresSchema {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSchema.class);
    static final String LOCATION = "classpath:db/postgres";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private PostgresSchema() {
    }

    /**
     * Migrates to the latest version and answers it. Flyway gets connections of its own, not the pool's: a
     * migration may rewrite a large table, and the pool's statement timeout is for requests.
     */
    static int migrate(PostgresSettings settings) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(settings.jdbcUrl());
        source.setUser(settings.user());
        source.setPassword(settings.password());
        source.setProperty(PGProperty.GSS_ENC_MODE, "disable");
        source.setApplicationName("huddle-gateway-migration");
        Flyway flyway = Flyway.configure()
                .dataSource(source)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                // an applied migration this build does not know (a newer build ran) fails the validation
                .ignoreMigrationPatterns(new String[0])
                .load();
        try {
            MigrateResult result = flyway.migrate();
            String reached = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : result.initialSchemaVersion;
            int version = reached == null ? 0 : Integer.parseInt(reached);
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated the PostgreSQL gateway store from version {} to {} ({} migration(s))",
                        result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion, version,
                        result.migrationsExecuted);
            }
            return version;
        } catch (FlywayException | NumberFormatException e) {
            throw new SQLException("migrating the schema failed: " + e.getMessage(), e);
        }
    }

    /** The version the database is at: the last successful migration (0 when none). */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM " + HISTORY_TABLE
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
        }
    }
}
