package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.getInstant;
import static io.huddle.gateway.store.Jdbc.setInstant;
import static io.huddle.gateway.store.Jdbc.setText;

import io.huddle.domain.PlatformConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SQL and row mapping for tenants' platform connections and the platform events already applied. */
final class PlatformRows {

    static final String FIND_CONNECTION = "SELECT tenant, call_control_url, secret, secret_set_at"
            + " FROM platform_connections WHERE tenant = ?";

    static final String UPSERT_CONNECTION = """
            INSERT INTO platform_connections (tenant, call_control_url, secret, secret_set_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (tenant) DO UPDATE SET call_control_url = excluded.call_control_url,
                secret = excluded.secret, secret_set_at = excluded.secret_set_at""";

    /** A second insert of the same (tenant, event_id) fails the transaction: no event is applied twice. */
    static final String INSERT_EVENT = "INSERT INTO platform_events (tenant, event_id, received_at) VALUES (?, ?, ?)";

    static final String DELETE_OLD_EVENTS = """
            DELETE FROM platform_events WHERE (tenant, event_id) IN (
                SELECT tenant, event_id FROM platform_events WHERE received_at < ? ORDER BY received_at LIMIT ?)""";

    private PlatformRows() {
    }

    static PlatformConnection connection(ResultSet rs) throws SQLException {
        return new PlatformConnection(rs.getString("tenant"), rs.getString("call_control_url"),
                rs.getString("secret"), getInstant(rs, "secret_set_at"));
    }

    static void bindConnection(PreparedStatement ps, PlatformConnection p) throws SQLException {
        setText(ps, 1, p.tenant());
        setText(ps, 2, p.callControlUrl());
        setText(ps, 3, p.secret());
        setInstant(ps, 4, p.secretSetAt());
    }

    static Set<String> seen(Connection c, String tenant, List<String> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String sql = "SELECT event_id FROM platform_events WHERE tenant = ? AND event_id IN ("
                + String.join(", ", Collections.nCopies(eventIds.size(), "?")) + ")";
        Set<String> seen = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            setText(ps, 1, tenant);
            for (int i = 0; i < eventIds.size(); i++) {
                setText(ps, i + 2, eventIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getString(1));
                }
            }
        }
        return seen;
    }

    static void markSeen(Connection c, String tenant, List<String> eventIds, Instant receivedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
            for (String id : eventIds) {
                setText(ps, 1, tenant);
                setText(ps, 2, id);
                setInstant(ps, 3, receivedAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
