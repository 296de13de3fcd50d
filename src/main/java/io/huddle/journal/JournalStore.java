package io.huddle.journal;

import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * The journal's SQLite file: connection settings (WAL, {@code synchronous=FULL}), the versioned schema
 * ({@code PRAGMA user_version}; append a migration, never edit one) and row mapping. Static helpers over
 * a connection that the caller owns.
 */
final class JournalStore {

    static final String COLUMNS = "seq, id, format, device_id, tenant, domain, supervisor_id, agent_id,"
            + " interaction_id, help_request_id, action, phase, intent_id, client_time, gateway_time, outcome,"
            + " gateway_ref, error_code, detail, text_digest, text, prev_hash, hash";

    static final String INSERT = "INSERT INTO entries (" + COLUMNS + ") VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final List<List<String>> MIGRATIONS = List.of(
            // version 1: entries keyed by seq; meta holds the device id, the owner and the gateway's acknowledgement
            List.of("CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)", """
                    CREATE TABLE entries (
                        seq             INTEGER NOT NULL PRIMARY KEY,
                        id              TEXT    NOT NULL UNIQUE,
                        format          INTEGER NOT NULL,
                        device_id       TEXT    NOT NULL,
                        tenant          TEXT,
                        domain          TEXT,
                        supervisor_id   TEXT,
                        agent_id        TEXT,
                        interaction_id  TEXT,
                        help_request_id TEXT,
                        action          TEXT    NOT NULL,
                        phase           TEXT    NOT NULL,
                        intent_id       TEXT,
                        client_time     INTEGER NOT NULL,
                        gateway_time    INTEGER,
                        outcome         TEXT,
                        gateway_ref     TEXT,
                        error_code      TEXT,
                        detail          TEXT,
                        text_digest     TEXT,
                        text            TEXT,
                        prev_hash       TEXT    NOT NULL,
                        hash            TEXT    NOT NULL
                    )""", "CREATE INDEX entries_time ON entries (client_time, seq)"));

    static final int LATEST_VERSION = MIGRATIONS.size();

    private JournalStore() {
    }

    /** Opens the file (creating it and its directory when {@code create}), configured and migrated. */
    static Connection open(Path file, boolean create) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!create && !Files.isRegularFile(absolute)) {
            throw new JournalException("no journal at " + absolute, null);
        }
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new JournalException("cannot create the journal's directory " + absolute.getParent(), e);
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            configure(c);
            migrate(c, create);
            return c;
        } catch (SQLException e) {
            JournalException failure = new JournalException("cannot open the journal " + absolute + ": "
                    + e.getMessage(), e);
            closeQuietly(c, failure);
            throw failure;
        }
    }

    private static void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : null;
                if (mode == null || !mode.toLowerCase(Locale.ROOT).equals("wal")) {
                    throw new SQLException("could not switch to WAL journal mode (got " + mode + ")");
                }
            }
            s.execute("PRAGMA synchronous = FULL");
        }
    }

    private static void migrate(Connection c, boolean create) throws SQLException {
        int current;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        if (current > LATEST_VERSION) {
            throw new SQLException("journal format version " + current + " is newer than this build reads ("
                    + LATEST_VERSION + ")");
        }
        if (current == 0 && !create) {
            throw new SQLException("the file is not a Huddle journal");
        }
        for (int version = current; version < LATEST_VERSION; version++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(version)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (version + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static void insert(PreparedStatement ps, JournalEntry e) throws SQLException {
        ps.setLong(1, e.seq());
        ps.setString(2, e.id());
        ps.setInt(3, e.format());
        ps.setString(4, e.deviceId());
        List<Object> columns = e.columnsFromTenant();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == null) {
                ps.setNull(5 + i, Types.NULL);
            } else {
                ps.setObject(5 + i, columns.get(i));
            }
        }
        ps.executeUpdate();
    }

    static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** The entry with the highest seq, or null when the journal is empty. */
    static JournalEntry last(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM entries ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? JournalRows.entry(rs) : null;
        }
    }

    static String hashAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM entries WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void closeQuietly(Connection c, Throwable into) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            if (into != null) {
                into.addSuppressed(e);
            }
        }
    }
}
