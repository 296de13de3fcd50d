package io.huddle.gateway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.AdminChange;
import io.huddle.domain.IdentitySettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQL and row mapping for tenants' identity settings and the audit of administration. */
final class IdentityRows {

    /** Settings are one JSON document per tenant: records as Jackson writes them, roles by enum name. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final String UPSERT_SETTINGS = """
            INSERT INTO identity_settings (tenant, settings) VALUES (?, ?)
            ON CONFLICT (tenant) DO UPDATE SET settings = excluded.settings""";
    static final String FIND_SETTINGS = "SELECT settings FROM identity_settings WHERE tenant = ?";

    static final String CHANGE_COLUMNS = "id, tenant, at, actor_id, actor_name, action, target_type, target_id, detail";
    static final String INSERT_CHANGE = "INSERT INTO admin_changes (" + CHANGE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private IdentityRows() {
    }

    static String settingsJson(IdentitySettings settings) throws SQLException {
        try {
            return MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new SQLException("identity settings of tenant '" + settings.tenant() + "' cannot be written", e);
        }
    }

    static IdentitySettings settings(String json, String tenant) throws SQLException {
        try {
            IdentitySettings s = MAPPER.readValue(json, IdentitySettings.class);
            return new IdentitySettings(tenant, s.localSignIn(), s.oidc(), s.createOnFirstSignIn(), s.groupMappings());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SQLException("identity_settings of tenant '" + tenant + "' cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Inserts one change of administration on this connection: inside the caller's transaction, if any. */
    static void insertChange(Connection c, AdminChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CHANGE)) {
            Jdbc.setText(ps, 1, change.id());
            Jdbc.setText(ps, 2, change.tenant());
            Jdbc.setInstant(ps, 3, change.at());
            Jdbc.setText(ps, 4, change.actorId());
            Jdbc.setText(ps, 5, change.actorName());
            Jdbc.setText(ps, 6, change.action());
            Jdbc.setText(ps, 7, change.targetType());
            Jdbc.setText(ps, 8, change.targetId());
            Jdbc.setText(ps, 9, change.detail());
            ps.executeUpdate();
        }
    }

    static AdminChange change(ResultSet rs) throws SQLException {
        return new AdminChange(rs.getString("id"), rs.getString("tenant"),
                java.time.Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor_id"), rs.getString("actor_name"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail"));
    }
}
