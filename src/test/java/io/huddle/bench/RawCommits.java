package io.huddle.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A bare SQLite file (WAL, synchronous=FULL) that commits one row per call: the least a durable write costs on
 * this disk, for baselines. Thread-safe (one connection, one writer at a time).
 */
final class RawCommits implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement insert;

    private RawCommits(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("CREATE TABLE IF NOT EXISTS entries (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        }
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement("INSERT INTO entries (body) VALUES (?)");
    }

    static RawCommits open(Path file) {
        try {
            return new RawCommits(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        } catch (SQLException e) {
            throw new IllegalStateException("the baseline's SQLite file could not be opened: " + e.getMessage(), e);
        }
    }

    /** Inserts one row and commits it. */
    synchronized void commit(String body) {
        try {
            insert.setString(1, body);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("a baseline commit failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
