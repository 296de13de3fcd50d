package io.huddle.gateway.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite store's connections: one SQLite file in WAL mode with {@code synchronous=FULL}, so a returned write
 * survives a crash. Writes go through one connection, used by one thread at a time under a lock (SQLite has one
 * writer); reads go through a small pool of read-only connections ({@link SqliteReaders}) and never wait for a
 * write, its transaction or its fsync: each sees the last commit before it began. Thread-safe.
 */
final class SqliteConnections implements StoreConnections {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteConnections.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;
    private final SqliteReaders readers;
    private Connection connection; // the writer; guarded by lock; null once closed
    private volatile boolean closed; // read without the lock, so a read never waits for a write

    private SqliteConnections(Path file, Connection connection, SqliteReaders readers) {
        this.file = file;
        this.connection = connection;
        this.readers = readers;
    }

    /** Opens (creating if needed, with its parent directories) the database file and migrates its schema. */
    static SqliteConnections open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StoreOpenException("open gateway store " + absolute + " failed: cannot create its directory", e);
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            SqliteSchema.configure(c);
            SqliteSchema.migrate(c);
            SqliteReaders readers = SqliteReaders.open(absolute, SqliteReaders.SIZE);
            LOG.info("Opened gateway store {} (schema version {}, {} read connections)", absolute,
                    SqliteSchema.version(c), SqliteReaders.SIZE);
            return new SqliteConnections(absolute, c, readers);
        } catch (SQLException | RuntimeException e) {
            StoreOpenException failure = new StoreOpenException("open gateway store " + absolute + " failed: "
                    + e.getMessage(), e);
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException closeFailure) {
                    failure.addSuppressed(closeFailure);
                }
            }
            throw failure;
        }
    }

    Path file() {
        return file;
    }

    /** On the one writer connection, under its lock. */
    @Override
    public <T> T write(Jdbc.SqlWork<T> work) throws SQLException {
        lock.lock();
        try {
            if (connection == null) {
                throw closed();
            }
            return work.run(connection);
        } finally {
            lock.unlock();
        }
    }

    /**
     * With {@code synchronous=NORMAL} for this one write: in WAL mode the commit reaches the operating system
     * without waiting for the disk; the next {@code synchronous=FULL} commit or checkpoint makes it durable.
     */
    @Override
    public <T> T writeWithoutFlush(Jdbc.SqlWork<T> work) throws SQLException {
        return write(c -> {
            SqliteSchema.synchronous(c, "NORMAL");
            try {
                return work.run(c);
            } finally {
                SqliteSchema.synchronous(c, "FULL");
            }
        });
    }

    /** On a pooled read-only connection, beside any write. */
    @Override
    public <T> T read(Jdbc.SqlWork<T> work) throws SQLException {
        if (closed) {
            throw closed();
        }
        return readers.read(work);
    }

    @Override
    public SchemaVersion schemaVersion() throws SQLException {
        return read(c -> new SchemaVersion(SqliteSchema.version(c), SqliteSchema.LATEST_VERSION));
    }

    @Override
    public void close() {
        closed = true;
        readers.close();
        lock.lock();
        try {
            if (connection == null) {
                return;
            }
            Connection c = connection;
            connection = null;
            try {
                c.close();
                LOG.info("Closed gateway store {}", file);
            } catch (SQLException e) {
                throw new StoreException("close gateway store " + file + " failed: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    private SQLException closed() {
        return new SQLException("the gateway store " + file + " is closed");
    }
}
