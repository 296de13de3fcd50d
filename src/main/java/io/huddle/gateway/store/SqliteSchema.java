package io.huddle.gateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection settings and the versioned schema of the SQLite store. The version lives in
 * {@code PRAGMA user_version}; {@link #MIGRATIONS} entry {@code i} takes the schema from version {@code i}
 * to {@code i + 1}. To change the schema, append a migration: never edit one that has shipped.
 */
final class SqliteSchema {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSchema.class);

    private static final List<List<String>> MIGRATIONS = List.of(
            // version 1: initial schema. Instants are epoch milliseconds, enums their names, lists JSON arrays.
            List.of("""
                    CREATE TABLE tenants (
                        tenant             TEXT    NOT NULL PRIMARY KEY,
                        monitoring_enabled INTEGER NOT NULL,
                        monitored_channels TEXT    NOT NULL,
                        help_reasons       TEXT    NOT NULL,
                        store_message_text INTEGER NOT NULL
                    )""", """
                    CREATE TABLE users (
                        id            TEXT NOT NULL PRIMARY KEY,
                        tenant        TEXT NOT NULL,
                        domain        TEXT NOT NULL,
                        username      TEXT NOT NULL,
                        display_name  TEXT,
                        roles         TEXT NOT NULL,
                        password_hash TEXT,
                        UNIQUE (tenant, username)
                    )""", """
                    CREATE TABLE sessions (
                        token_digest TEXT    NOT NULL PRIMARY KEY,
                        user_id      TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        expires_at   INTEGER NOT NULL
                    )""",
                    "CREATE INDEX sessions_user ON sessions (user_id)",
                    "CREATE INDEX sessions_expiry ON sessions (expires_at)", """
                    CREATE TABLE interactions (
                        id             TEXT    NOT NULL PRIMARY KEY,
                        tenant         TEXT    NOT NULL,
                        domain         TEXT    NOT NULL,
                        channel        TEXT    NOT NULL,
                        agent_id       TEXT,
                        agent_name     TEXT,
                        customer_name  TEXT,
                        queue          TEXT,
                        started_at     INTEGER NOT NULL,
                        state          TEXT    NOT NULL,
                        help_requested INTEGER NOT NULL,
                        participants   TEXT    NOT NULL,
                        ended_at       INTEGER
                    )""",
                    "CREATE INDEX interactions_live ON interactions (started_at, id) WHERE state <> 'ENDED'", """
                    CREATE TABLE help_requests (
                        id                    TEXT    NOT NULL PRIMARY KEY,
                        tenant                TEXT    NOT NULL,
                        domain                TEXT    NOT NULL,
                        interaction_id        TEXT,
                        agent_id              TEXT,
                        agent_name            TEXT,
                        status                TEXT    NOT NULL,
                        reason                TEXT,
                        comment               TEXT,
                        assigned_to           TEXT    NOT NULL,
                        help_provided_by      TEXT,
                        help_provided_by_name TEXT,
                        created_at            INTEGER NOT NULL,
                        accepted_at           INTEGER,
                        closed_at             INTEGER,
                        cancelled_at          INTEGER,
                        end_reason            TEXT
                    )""",
                    "CREATE INDEX help_requests_scope ON help_requests (tenant, domain, created_at, id)",
                    "CREATE INDEX help_requests_status ON help_requests (tenant, domain, status, created_at, id)",
                    "CREATE INDEX help_requests_agent ON help_requests (tenant, domain, agent_id, created_at, id)",
                    "CREATE INDEX help_requests_helper"
                            + " ON help_requests (tenant, domain, help_provided_by, created_at, id)",
                    "CREATE INDEX help_requests_interaction ON help_requests (interaction_id)",
                    "CREATE INDEX help_requests_open ON help_requests (created_at, id)"
                            + " WHERE status IN ('PENDING', 'IN_PROGRESS')", """
                    CREATE TABLE actions (
                        id              TEXT    NOT NULL PRIMARY KEY,
                        tenant          TEXT    NOT NULL,
                        domain          TEXT    NOT NULL,
                        action          TEXT    NOT NULL,
                        supervisor_id   TEXT,
                        agent_id        TEXT,
                        interaction_id  TEXT,
                        help_request_id TEXT,
                        started_at      INTEGER NOT NULL,
                        ended_at        INTEGER
                    )""",
                    "CREATE INDEX actions_scope ON actions (tenant, domain, started_at, id)",
                    "CREATE INDEX actions_supervisor ON actions (tenant, domain, supervisor_id, started_at, id)",
                    "CREATE INDEX actions_agent ON actions (tenant, domain, agent_id, started_at, id)",
                    "CREATE INDEX actions_interaction ON actions (interaction_id, started_at)",
                    "CREATE INDEX actions_help_request ON actions (help_request_id, started_at)"),
            // version 2: the interaction and help-request indexes also hold the scope and the order. Led by the
            // id, they still serve lookups without scope; with the scope they beat actions_scope in the planner,
            // which otherwise reads the whole tenant and domain to find one interaction's actions.
            List.of("DROP INDEX actions_interaction",
                    "DROP INDEX actions_help_request",
                    "CREATE INDEX actions_interaction ON actions (interaction_id, tenant, domain, started_at, id)",
                    "CREATE INDEX actions_help_request ON actions (help_request_id, tenant, domain, started_at, id)"),
            // version 3: supervisors' action journals uploaded by their consoles (docs/journal.md). Entries are
            // only inserted, keyed by (device, seq); a device is bound to the supervisor of its first batch.
            List.of("""
                    CREATE TABLE journal_devices (
                        device_id     TEXT    NOT NULL PRIMARY KEY,
                        tenant        TEXT    NOT NULL,
                        domain        TEXT    NOT NULL,
                        supervisor_id TEXT    NOT NULL,
                        highest_seq   INTEGER NOT NULL,
                        highest_hash  TEXT    NOT NULL,
                        updated_at    INTEGER NOT NULL
                    )""",
                    "CREATE INDEX journal_devices_scope ON journal_devices (tenant, domain, device_id)", """
                    CREATE TABLE journal_entries (
                        device_id       TEXT    NOT NULL,
                        seq             INTEGER NOT NULL,
                        id              TEXT    NOT NULL UNIQUE,
                        format          INTEGER NOT NULL,
                        tenant          TEXT    NOT NULL,
                        domain          TEXT    NOT NULL,
                        supervisor_id   TEXT    NOT NULL,
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
                        hash            TEXT    NOT NULL,
                        received_at     INTEGER NOT NULL,
                        PRIMARY KEY (device_id, seq)
                    )""",
                    "CREATE INDEX journal_scope ON journal_entries (tenant, domain, client_time, id)",
                    "CREATE INDEX journal_supervisor ON journal_entries (tenant, domain, supervisor_id, client_time, id)",
                    "CREATE INDEX journal_agent ON journal_entries (tenant, domain, agent_id, client_time, id)",
                    "CREATE INDEX journal_interaction ON journal_entries (interaction_id, tenant, domain, client_time, id)",
                    "CREATE INDEX journal_help_request"
                            + " ON journal_entries (help_request_id, tenant, domain, client_time, id)"),
            // version 4: the contact-center platform behind each tenant (docs/platform.md). Users and interactions
            // carry the platform's ids; each platform event id is kept once, so a re-delivery changes nothing.
            List.of(
                    "ALTER TABLE users ADD COLUMN platform_user_id TEXT",
                    "CREATE UNIQUE INDEX users_platform_id ON users (tenant, platform_user_id)"
                            + " WHERE platform_user_id IS NOT NULL",
                    "ALTER TABLE interactions ADD COLUMN platform_id TEXT",
                    "CREATE UNIQUE INDEX interactions_platform_id ON interactions (tenant, platform_id)"
                            + " WHERE platform_id IS NOT NULL", """
                    CREATE TABLE platform_connections (
                        tenant           TEXT PRIMARY KEY,
                        call_control_url TEXT,
                        secret           TEXT,
                        secret_set_at    INTEGER
                    )""", """
                    CREATE TABLE platform_events (
                        tenant      TEXT    NOT NULL,
                        event_id    TEXT    NOT NULL,
                        received_at INTEGER NOT NULL,
                        PRIMARY KEY (tenant, event_id)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX platform_events_age ON platform_events (received_at)"),
            // version 5: identity (docs/identity.md). A user can be disabled; each tenant has its sign-in and
            // group-mapping settings (one JSON document); every change of administration is kept, only inserted.
            List.of(
                    "ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1", """
                    CREATE TABLE identity_settings (
                        tenant   TEXT NOT NULL PRIMARY KEY,
                        settings TEXT NOT NULL
                    )""", """
                    CREATE TABLE admin_changes (
                        id          TEXT    NOT NULL PRIMARY KEY,
                        tenant      TEXT    NOT NULL,
                        at          INTEGER NOT NULL,
                        actor_id    TEXT,
                        actor_name  TEXT,
                        action      TEXT    NOT NULL,
                        target_type TEXT,
                        target_id   TEXT,
                        detail      TEXT
                    )""",
                    "CREATE INDEX admin_changes_scope ON admin_changes (tenant, at, id)",
                    "CREATE INDEX admin_changes_actor ON admin_changes (tenant, actor_id, at, id)",
                    "CREATE INDEX admin_changes_target ON admin_changes (tenant, target_id, at, id)"),
            // version 6: administration without a demo (docs/identity.md). A tenant's domains are kept, the ones
            // its users already belong to first; each user says who manages them (local, oidc, scim).
            List.of("""
                    CREATE TABLE tenant_domains (
                        tenant TEXT NOT NULL,
                        name   TEXT NOT NULL,
                        PRIMARY KEY (tenant, name)
                    ) WITHOUT ROWID""",
                    "INSERT INTO tenant_domains (tenant, name) SELECT DISTINCT tenant, domain FROM users",
                    "ALTER TABLE users ADD COLUMN source TEXT DEFAULT 'local'",
                    "CREATE INDEX users_domain ON users (tenant, domain)"),
            // version 7: provisioning with SCIM 2.0 (docs/identity.md). A tenant's bearer tokens (a digest only),
            // what SCIM keeps about a user beside the users table (its externalId; whether SCIM manages its roles),
            // and the provider's groups with their members.
            List.of("""
                    CREATE TABLE scim_tokens (
                        id           TEXT    NOT NULL PRIMARY KEY,
                        tenant       TEXT    NOT NULL,
                        name         TEXT    NOT NULL,
                        token_digest TEXT    NOT NULL UNIQUE,
                        created_at   INTEGER NOT NULL,
                        created_by   TEXT,
                        last_used_at INTEGER
                    )""",
                    "CREATE INDEX scim_tokens_tenant ON scim_tokens (tenant, created_at, id)", """
                    CREATE TABLE scim_users (
                        user_id     TEXT    NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                        tenant      TEXT    NOT NULL,
                        external_id TEXT,
                        managed     INTEGER NOT NULL
                    )""",
                    "CREATE INDEX scim_users_external ON scim_users (tenant, external_id)", """
                    CREATE TABLE scim_groups (
                        id           TEXT    NOT NULL PRIMARY KEY,
                        tenant       TEXT    NOT NULL,
                        display_name TEXT    NOT NULL,
                        external_id  TEXT,
                        created_at   INTEGER NOT NULL,
                        updated_at   INTEGER NOT NULL,
                        UNIQUE (tenant, display_name)
                    )""", """
                    CREATE TABLE scim_group_members (
                        group_id TEXT NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
                        user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        PRIMARY KEY (group_id, user_id)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX scim_group_members_user ON scim_group_members (user_id, group_id)"),
            // version 8: single sign-on (docs/identity.md). A sign-in under way is kept by its state's digest until
            // it is finished or expires, so any gateway on this store can finish it; a person at a provider
            // (issuer, subject) is tied to one user, and a user to at most one person per provider.
            List.of("""
                    CREATE TABLE sso_attempts (
                        state_digest TEXT    NOT NULL PRIMARY KEY,
                        tenant       TEXT    NOT NULL,
                        issuer       TEXT    NOT NULL,
                        nonce        TEXT    NOT NULL,
                        redirect_uri TEXT    NOT NULL,
                        expires_at   INTEGER NOT NULL
                    )""",
                    "CREATE INDEX sso_attempts_expiry ON sso_attempts (expires_at)", """
                    CREATE TABLE user_links (
                        tenant             TEXT    NOT NULL,
                        issuer             TEXT    NOT NULL,
                        subject            TEXT    NOT NULL,
                        user_id            TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        created_at_sign_in INTEGER NOT NULL,
                        linked_at          INTEGER NOT NULL,
                        PRIMARY KEY (tenant, issuer, subject)
                    )""",
                    "CREATE UNIQUE INDEX user_links_user ON user_links (user_id, issuer)"),
            // version 9: the help requests' escalation ladder (docs/protocol.md). Each request keeps the steps it
            // went through, a JSON array of {step, at, assignedTo, notified}; each tenant its ladder's settings,
            // a JSON object (NULL: the defaults).
            List.of(
                    "ALTER TABLE help_requests ADD COLUMN escalations TEXT NOT NULL DEFAULT '[]'",
                    "ALTER TABLE tenants ADD COLUMN escalation TEXT"),
            // version 10: analytics (docs/analytics.md). Covering indexes, so adding up a range of a scope reads
            // only the index (no row lookups); the last one answers "did this supervisor monitor before barging in".
            List.of("CREATE INDEX interactions_scope ON interactions (tenant, domain, started_at, channel, queue, agent_id)",
                    "CREATE INDEX help_requests_analytics ON help_requests (tenant, domain, created_at, status,"
                            + " accepted_at, cancelled_at, closed_at, agent_id, reason, help_provided_by, interaction_id)",
                    "CREATE INDEX actions_analytics ON actions (tenant, domain, started_at, action, ended_at,"
                            + " supervisor_id, agent_id, interaction_id, help_request_id)",
                    "CREATE INDEX actions_interaction_mode"
                            + " ON actions (interaction_id, tenant, domain, action, supervisor_id, started_at)"),
            // version 11: analytics read less of the tables. The help requests' covering index also holds the
            // names the groups are labelled with and whether the ladder escalated the request (the expression
            // AnalyticsSql.SQLITE reads), so a range no longer reads each request's row; a request's reason is
            // read from an index by id for the interventions grouped or filtered by reason.
            List.of("DROP INDEX help_requests_analytics",
                    "CREATE INDEX help_requests_analytics ON help_requests (tenant, domain, created_at, status,"
                            + " accepted_at, cancelled_at, closed_at, agent_id, reason, help_provided_by, interaction_id,"
                            + " agent_name, help_provided_by_name, instr(escalations, '{\"step\":\"escalated\"') > 0)",
                    "CREATE INDEX help_requests_reason ON help_requests (id, reason)"));

    /** The schema version this build writes. */
    static final int LATEST_VERSION = MIGRATIONS.size();

    private SqliteSchema() {
    }

    /** Durable, concurrent-reader friendly settings; must run outside any transaction. */
    static void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : null;
                if (mode == null || !mode.toLowerCase(Locale.ROOT).equals("wal")) {
                    throw new SQLException("could not switch to WAL journal mode (got " + mode + ")");
                }
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 5000");
        }
    }

    /** Sets {@code PRAGMA synchronous} (FULL or NORMAL) for the transactions that follow on this connection. */
    static void synchronous(Connection c, String level) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = " + level);
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the schema to {@link #LATEST_VERSION}, one transaction per step. */
    static void migrate(Connection c) throws SQLException {
        migrate(c, LATEST_VERSION);
    }

    /** Brings the schema up to {@code targetVersion} (tests use it to build files of older versions). */
    static void migrate(Connection c, int targetVersion) throws SQLException {
        if (targetVersion < 0 || targetVersion > LATEST_VERSION) {
            throw new IllegalArgumentException("no schema version " + targetVersion);
        }
        int current = version(c);
        if (current > LATEST_VERSION) {
            throw new SQLException("database schema version " + current
                    + " is newer than this build supports (" + LATEST_VERSION + ")");
        }
        for (int version = current; version < targetVersion; version++) {
            int target = version + 1;
            List<String> steps = MIGRATIONS.get(version);
            Jdbc.inTransaction(c, conn -> {
                try (Statement s = conn.createStatement()) {
                    for (String sql : steps) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + target);
                }
                return null;
            });
            LOG.info("Migrated gateway store schema from version {} to {}", version, target);
        }
    }
}
