package io.huddle.protocol;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A journal entry as both journal tables store it (the device's and the gateway's): one row, one column a field. */
public final class JournalRows {
    private JournalRows() {
    }

    /** Reads the entry of the row the result set is on. */
    public static JournalEntry entry(ResultSet rs) throws SQLException {
        long gatewayTime = rs.getLong("gateway_time");
        Long gt = rs.wasNull() ? null : gatewayTime;
        return new JournalEntry(rs.getInt("format"), rs.getString("id"), rs.getString("device_id"), rs.getLong("seq"),
                rs.getString("tenant"), rs.getString("domain"), rs.getString("supervisor_id"),
                rs.getString("agent_id"), rs.getString("interaction_id"), rs.getString("help_request_id"),
                rs.getString("action"), rs.getString("phase"), rs.getString("intent_id"), rs.getLong("client_time"),
                gt, rs.getString("outcome"), rs.getString("gateway_ref"), rs.getString("error_code"),
                rs.getString("detail"), rs.getString("text_digest"), rs.getString("text"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
