package io.huddle.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The PostgreSQL store's connections: a bounded pool (HikariCP). Every read and write takes a connection for
 * its own duration and gives it back; a caller beyond the pool's size waits for a free one, at most
 * {@link #CONNECTION_TIMEOUT_MILLIS}, then fails with a {@link StoreException} like any other failure.
 */
final class PostgresPool implements AutoCloseable {
    static final long CONNECTION_TIMEOUT_MILLIS = 10_000;
    /** A statement that runs longer is cancelled by the server: no request holds a connection for ever. */
    static final long STATEMENT_TIMEOUT_MILLIS = 30_000;

    private final HikariDataSource pool;

    private PostgresPool(HikariDataSource pool) {
        this.pool = pool;
    }

    static PostgresPool open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gateway-store-postgres");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT_MILLIS);
        // JSON columns are jsonb: strings go to the server untyped and it reads them as the column's type
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", "huddle-gateway");
        // no GSSAPI encryption: the installer's trimmed runtime has no java.security.jgss (Kerberos)
        config.addDataSourceProperty("gssEncMode", "disable");
        config.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT_MILLIS);
        return new PostgresPool(new HikariDataSource(config));
    }

    /** Runs {@code work} on a pooled connection (auto-commit on), returned to the pool afterwards. */
    <T> T run(SqliteJdbc.SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    boolean isClosed() {
        return pool.isClosed();
    }

    /** Closes every connection; a call after this throws {@link SQLException}. Closing twice is harmless. */
    @Override
    public void close() {
        pool.close();
    }
}
