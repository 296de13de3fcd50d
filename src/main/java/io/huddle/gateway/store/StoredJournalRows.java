package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.setText;

import io.huddle.protocol.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** SQL and row mapping for uploaded journal entries and their devices. Entries are only ever inserted. */
final class StoredJournalRows {

    static final String COLUMNS = "device_id, seq, id, format, tenant, domain, supervisor_id, agent_id,"
            + " interaction_id, help_request_id, action, phase, intent_id, client_time, gateway_time, outcome,"
            + " gateway_ref, error_code, detail, text_digest, text, prev_hash, hash";

    static final String INSERT = "INSERT INTO journal_entries (" + COLUMNS + ", received_at) VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String DEVICE_COLUMNS = "device_id, tenant, domain, supervisor_id, highest_seq, highest_hash";

    static final String FIND_DEVICE = "SELECT " + DEVICE_COLUMNS + " FROM journal_devices WHERE device_id = ?";

    static final String DEVICES = "SELECT " + DEVICE_COLUMNS + " FROM journal_devices WHERE tenant = ? AND domain = ?"
            + " ORDER BY device_id";

    static final String ALL_DEVICES = "SELECT " + DEVICE_COLUMNS + " FROM journal_devices ORDER BY device_id";

    static final String UPSERT_DEVICE = "INSERT INTO journal_devices (" + DEVICE_COLUMNS + ", updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET highest_seq = excluded.highest_seq,"
            + " highest_hash = excluded.highest_hash, updated_at = excluded.updated_at";

    static final String RANGE = "SELECT " + COLUMNS + " FROM journal_entries WHERE device_id = ? AND seq > ?"
            + " ORDER BY seq LIMIT ?";

    private StoredJournalRows() {
    }

    static JournalDevice device(ResultSet rs) throws SQLException {
        return new JournalDevice(rs.getString("device_id"), rs.getString("tenant"), rs.getString("domain"),
                rs.getString("supervisor_id"), rs.getLong("highest_seq"), rs.getString("highest_hash"));
    }

    /** Inserts the entries and moves the device's head, in one transaction. */
    static Void append(Connection c, JournalDevice head, List<JournalEntry> entries, Instant receivedAt)
            throws SQLException {
        return Jdbc.inTransaction(c, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
                for (JournalEntry e : entries) {
                    bind(ps, e, receivedAt);
                    ps.executeUpdate();
                }
            }
            Jdbc.update(conn, UPSERT_DEVICE, ps -> {
                setText(ps, 1, head.deviceId());
                setText(ps, 2, head.tenant());
                setText(ps, 3, head.domain());
                setText(ps, 4, head.supervisorId());
                ps.setLong(5, head.highestSeq());
                setText(ps, 6, head.highestHash());
                Jdbc.setInstant(ps, 7, receivedAt);
            });
            return null;
        });
    }

    private static void bind(PreparedStatement ps, JournalEntry e, Instant receivedAt) throws SQLException {
        setText(ps, 1, e.deviceId());
        ps.setLong(2, e.seq());
        setText(ps, 3, e.id());
        ps.setInt(4, e.format());
        Jdbc.setAll(ps, 5, e.columnsFromTenant());
        Jdbc.setInstant(ps, 24, receivedAt);
    }

    /** Which of these entry ids are already stored (an id is unique across all devices). */
    static String idsQuery(int n) {
        return "SELECT id, device_id, seq FROM journal_entries WHERE id IN (" + "?, ".repeat(n - 1) + "?)";
    }
}
