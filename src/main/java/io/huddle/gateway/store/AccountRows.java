package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.getBoolean;
import static io.huddle.gateway.store.Jdbc.setBoolean;
import static io.huddle.gateway.store.Jdbc.setText;

import io.huddle.domain.Channel;
import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQL and row mapping for users, sign-in sessions and tenant settings. */
final class AccountRows {

    static final String USER_COLUMNS = "id, tenant, domain, username, display_name, roles, platform_user_id, active";

    /** Upsert by id. A username already taken in the tenant by another id is a constraint error. */
    static final String UPSERT_USER = """
            INSERT INTO users (id, tenant, domain, username, display_name, roles, password_hash, platform_user_id,
                               active)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                tenant = excluded.tenant, domain = excluded.domain, username = excluded.username,
                display_name = excluded.display_name, roles = excluded.roles,
                password_hash = excluded.password_hash, platform_user_id = excluded.platform_user_id,
                active = excluded.active""";

    /** A new user: an id or a username already taken in the tenant is a constraint error (never an overwrite). */
    static final String INSERT_USER = """
            INSERT INTO users (id, tenant, domain, username, display_name, roles, password_hash, platform_user_id,
                               active)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String FIND_USER = "SELECT " + USER_COLUMNS + " FROM users WHERE tenant = ? AND username = ?";
    static final String FIND_USER_BY_ID = "SELECT " + USER_COLUMNS + " FROM users WHERE id = ?";
    static final String FIND_USER_BY_PLATFORM_ID = "SELECT " + USER_COLUMNS
            + " FROM users WHERE tenant = ? AND platform_user_id = ?";
    static final String USERS = "SELECT " + USER_COLUMNS + " FROM users WHERE tenant = ? ORDER BY username, id";
    /** The user's sessions, so an ended sign-in can close its streams. */
    static final String SESSIONS_OF_USER = "SELECT token_digest FROM sessions WHERE user_id = ?";
    static final String DELETE_SESSIONS_OF_USER = "DELETE FROM sessions WHERE user_id = ?";

    static final String PASSWORD_HASH = "SELECT password_hash FROM users WHERE id = ? AND password_hash IS NOT NULL";
    static final String REPLACE_PASSWORD_HASH = "UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?";

    static final String UPSERT_SESSION = """
            INSERT INTO sessions (token_digest, user_id, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (token_digest) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at""";

    /** A session is valid strictly before its expiry instant. */
    static final String SESSION_USER = "SELECT user_id FROM sessions WHERE token_digest = ? AND expires_at > ?";
    static final String DELETE_SESSION = "DELETE FROM sessions WHERE token_digest = ?";

    static final String TENANT_COLUMNS =
            "tenant, monitoring_enabled, monitored_channels, help_reasons, store_message_text, escalation";

    static final String UPSERT_TENANT = """
            INSERT INTO tenants (tenant, monitoring_enabled, monitored_channels, help_reasons, store_message_text,
                                 escalation)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant) DO UPDATE SET
                monitoring_enabled = excluded.monitoring_enabled,
                monitored_channels = excluded.monitored_channels,
                help_reasons = excluded.help_reasons, store_message_text = excluded.store_message_text,
                escalation = excluded.escalation""";

    static final String FIND_TENANT = "SELECT " + TENANT_COLUMNS + " FROM tenants WHERE tenant = ?";
    static final String TENANTS = "SELECT " + TENANT_COLUMNS + " FROM tenants ORDER BY tenant";

    private AccountRows() {
    }

    static void bindUser(PreparedStatement ps, User user, String passwordHash) throws SQLException {
        setText(ps, 1, user.id());
        setText(ps, 2, user.tenant());
        setText(ps, 3, user.domain());
        setText(ps, 4, user.username());
        setText(ps, 5, user.displayName());
        setText(ps, 6, StoredJson.enums(user.roles(), Role.class));
        setText(ps, 7, passwordHash);
        setText(ps, 8, user.platformUserId());
        setBoolean(ps, 9, user.active());
    }

    /** The user of this row; role names this build does not know are left out by {@code roles}. */
    static User user(ResultSet rs, StoredRoles roles) throws SQLException {
        String id = rs.getString("id");
        return new User(id, rs.getString("tenant"), rs.getString("domain"),
                rs.getString("username"), rs.getString("display_name"), roles.read(id, rs.getString("roles")),
                rs.getString("platform_user_id"), getBoolean(rs, "active"));
    }

    static void bindTenant(PreparedStatement ps, TenantSettings settings) throws SQLException {
        setText(ps, 1, settings.tenant());
        setBoolean(ps, 2, settings.monitoringEnabled());
        setText(ps, 3, StoredJson.enums(settings.monitoredChannels(), Channel.class));
        setText(ps, 4, StoredJson.strings(settings.helpReasons()));
        setBoolean(ps, 5, settings.storeMessageText());
        setText(ps, 6, StoredJson.escalation(settings.escalation()));
    }

    static TenantSettings tenant(ResultSet rs) throws SQLException {
        return new TenantSettings(rs.getString("tenant"), getBoolean(rs, "monitoring_enabled"),
                StoredJson.enums(rs.getString("monitored_channels"), Channel.class, "tenants.monitored_channels"),
                StoredJson.strings(rs.getString("help_reasons"), "tenants.help_reasons"),
                getBoolean(rs, "store_message_text"),
                StoredJson.escalation(rs.getString("escalation"), "tenants.escalation"));
    }
}
