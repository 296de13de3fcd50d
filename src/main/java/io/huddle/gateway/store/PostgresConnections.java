package io.huddle.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL store's connections: a bounded pool (HikariCP), the schema migrated by Flyway at open
 * ({@link PostgresSchema}). Every read and write takes a connection for its own duration and gives it back
 * (auto-commit on); a caller beyond the pool's size waits for a free one, at most
 * {@link #CONNECTION_TIMEOUT_MILLIS}, then fails like any other failure.
 */
final class PostgresConnections implements StoreConnections {
    static final long CONNECTION_TIMEOUT_MILLIS = 10_000;
    /** A statement that runs longer is cancelled by the server: no request holds a connection for ever. */
    static final long STATEMENT_TIMEOUT_MILLIS = 30_000;
    /** This transaction's commit does not wait for the disk. */
    private static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit = off";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresConnections.class);

    private final PostgresSettings settings;
    private final HikariDataSource pool;
    /** The transaction a floor change holds on this thread, which every read and write on it joins; or null. */
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final int latestVersion;

    private PostgresConnections(PostgresSettings settings, HikariDataSource pool, int latestVersion) {
        this.settings = settings;
        this.pool = pool;
        this.latestVersion = latestVersion;
    }

    /** Migrates the schema, then opens the pool; the database and the role must exist. */
    static PostgresConnections open(PostgresSettings settings) {
        try {
            int version = PostgresSchema.migrate(settings);
            HikariDataSource pool = new HikariDataSource(config(settings));
            LOG.info("Opened gateway store {} (schema version {}, at most {} connections)", settings, version,
                    settings.poolSize());
            return new PostgresConnections(settings, pool, version);
        } catch (SQLException | RuntimeException e) {
            throw new StoreOpenException("open gateway store " + settings + " failed: " + e.getMessage(), e);
        }
    }

    private static HikariConfig config(PostgresSettings settings) {
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
        return config;
    }

    @Override
    public <T> T write(Jdbc.SqlWork<T> work) throws SQLException {
        return run(work);
    }

    /**
     * With {@code synchronous_commit = off} for this one transaction: the server has it but does not wait for its
     * write-ahead log to reach the disk. A crash of the server may lose the last few such changes.
     */
    @Override
    public <T> T writeWithoutFlush(Jdbc.SqlWork<T> work) throws SQLException {
        if (bound.get() != null) {
            return run(work); // part of a floor change: committed (and flushed) with it
        }
        return run(c -> Jdbc.inTransaction(c, conn -> {
            Jdbc.update(conn, ASYNC_COMMIT, ps -> { });
            return work.run(conn);
        }));
    }

    @Override
    public <T> T read(Jdbc.SqlWork<T> work) throws SQLException {
        return run(work);
    }

    @Override
    public SchemaVersion schemaVersion() throws SQLException {
        return read(c -> new SchemaVersion(PostgresSchema.version(c), latestVersion));
    }

    private <T> T run(Jdbc.SqlWork<T> work) throws SQLException {
        Connection joined = bound.get();
        if (joined != null) {
            return work.run(joined);
        }
        if (pool.isClosed()) {
            throw new SQLException("the gateway store " + settings + " is closed");
        }
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    /**
     * Runs {@code work} in one transaction that every read and write of this store on this thread joins until it
     * ends: it commits when {@code work} returns and rolls back when it throws. {@code repeatableRead} gives every
     * statement of it the same snapshot (a consistent read of several tables).
     */
    <T> T bound(boolean repeatableRead, Jdbc.SqlWork<T> work) throws SQLException {
        if (bound.get() != null) {
            throw new IllegalStateException("a floor change is already in a transaction on this thread");
        }
        if (pool.isClosed()) {
            throw new SQLException("the gateway store " + settings + " is closed");
        }
        try (Connection c = pool.getConnection()) {
            if (repeatableRead) {
                // the pool puts the connection's isolation back when it is returned
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            bound.set(c);
            try {
                return Jdbc.inTransaction(c, work);
            } finally {
                bound.remove();
            }
        }
    }

    /** Runs {@code work} on a connection of its own, outside any transaction this thread holds. */
    <T> T detached(Jdbc.SqlWork<T> work) throws SQLException {
        if (pool.isClosed()) {
            throw new SQLException("the gateway store " + settings + " is closed");
        }
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    /** A connection outside the pool, for a listener that holds it for long (LISTEN); the caller closes it. */
    Connection dedicated() throws SQLException {
        return java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.info("Closed gateway store {}", settings);
        }
    }
}
