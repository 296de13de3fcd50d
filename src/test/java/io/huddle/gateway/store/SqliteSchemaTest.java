package io.huddle.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.ActionType;
import io.huddle.domain.HelpRequestStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSchemaTest {

    @TempDir
    Path dir;

    @Test
    void configureSetsDurableConnectionSettings() throws SQLException {
        try (Connection c = raw(dir.resolve("settings.db"))) {
            SqliteSchema.configure(c);
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(c, "busy_timeout")).isEqualTo("5000");
        }
    }

    @Test
    void aNewFileGetsTheLatestSchemaInWalMode() throws SQLException {
        Path file = dir.resolve("gateway.db");
        SqliteGatewayStore.open(file).close();

        try (Connection c = raw(file)) {
            assertThat(SqliteSchema.version(c)).isEqualTo(SqliteSchema.LATEST_VERSION).isGreaterThanOrEqualTo(5);
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(names(c, "table")).contains("tenants", "users", "sessions", "interactions", "help_requests",
                    "actions", "journal_devices", "journal_entries");
            assertThat(names(c, "index")).contains("actions_scope", "actions_supervisor", "actions_agent",
                    "actions_interaction", "actions_help_request", "help_requests_scope", "help_requests_interaction",
                    "help_requests_open", "interactions_live");
        }
    }

    @Test
    void reopeningAMigratedFileKeepsItsDataAndVersion() throws SQLException {
        Path file = dir.resolve("gateway.db");
        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            store.saveTenantSettings(StoreFixtures.tenant("acme"));
        }
        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            assertThat(store.tenantSettings("acme")).contains(StoreFixtures.tenant("acme"));
        }
        try (Connection c = raw(file)) {
            assertThat(SqliteSchema.version(c)).isEqualTo(SqliteSchema.LATEST_VERSION);
        }
    }

    @Test
    void aVersionOneFileIsUpgradedInPlaceKeepingItsRows() throws SQLException {
        Path file = dir.resolve("v1.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            SqliteSchema.migrate(c, 1);
            assertThat(SqliteSchema.version(c)).isEqualTo(1);
            s.execute("INSERT INTO actions (id, tenant, domain, action, supervisor_id, agent_id, interaction_id,"
                    + " help_request_id, started_at, ended_at)"
                    + " VALUES ('x-1', 'acme', 'sales', 'COACH', 's1', 'a1', 'i-1', 'h-1', 1000, NULL)");
        }

        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            assertThat(store.searchActions(new ActionQuery("acme", "sales", null, null, "i-1", null, null, null,
                    null, 10, null)).items()).extracting(a -> a.id() + "@" + a.startedAt().toEpochMilli())
                    .containsExactly("x-1@1000");
        }
        try (Connection c = raw(file)) {
            assertThat(SqliteSchema.version(c)).isEqualTo(SqliteSchema.LATEST_VERSION);
            assertThat(plan(c, KeysetSearch.actions(actions(null, null, "i-1", null, null, null))))
                    .startsWith("SEARCH actions USING INDEX actions_interaction (interaction_id=? AND tenant=?");
        }
    }

    @Test
    void aFileFromANewerBuildIsRefused() throws SQLException {
        Path file = dir.resolve("future.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> SqliteGatewayStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99 is newer than this build supports (" + SqliteSchema.LATEST_VERSION + ")");
    }

    @Test
    void aFailedMigrationChangesNothing() throws SQLException {
        Path file = dir.resolve("clash.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE actions (unrelated TEXT)");
        }
        assertThatThrownBy(() -> SqliteGatewayStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("open gateway store")
                .hasMessageContaining("already exists");
        try (Connection c = raw(file)) {
            assertThat(SqliteSchema.version(c)).isZero();
            assertThat(names(c, "table")).containsExactly("actions");
        }
    }

    /**
     * Without ANALYZE statistics the planner's choice does not depend on the row count, so the plans on an
     * empty file are the plans on a million rows: each filter must seek its own index with the scope, read it
     * in (started_at, id) order instead of sorting, and never scan the table.
     */
    @Test
    void everyActionSearchSeeksTheIndexOfItsFilter() throws SQLException {
        Path file = dir.resolve("plans.db");
        SqliteGatewayStore.open(file).close();
        Map<ActionQuery, String> expected = new LinkedHashMap<>();
        expected.put(actions(null, null, null, null, null, null), "actions_scope (tenant=? AND domain=?");
        expected.put(actions(null, null, null, null, null, cursor()), "actions_scope (tenant=? AND domain=?");
        expected.put(actions(null, null, null, null, ActionType.COACH, null), "actions_scope (tenant=? AND domain=?");
        expected.put(actions("s1", null, null, null, null, null),
                "actions_supervisor (tenant=? AND domain=? AND supervisor_id=?");
        expected.put(actions("s1", null, null, null, null, cursor()),
                "actions_supervisor (tenant=? AND domain=? AND supervisor_id=? AND started_at>");
        expected.put(actions(null, "a1", null, null, null, null),
                "actions_agent (tenant=? AND domain=? AND agent_id=?");
        expected.put(actions(null, null, "i-1", null, null, null),
                "actions_interaction (interaction_id=? AND tenant=? AND domain=?");
        expected.put(actions(null, null, null, "h-1", null, cursor()),
                "actions_help_request (help_request_id=? AND tenant=? AND domain=?");
        try (Connection c = raw(file)) {
            for (Map.Entry<ActionQuery, String> e : expected.entrySet()) {
                assertThat(plan(c, KeysetSearch.actions(e.getKey()))).as("%s", e.getKey())
                        .startsWith("SEARCH actions USING INDEX " + e.getValue())
                        .doesNotContain("TEMP B-TREE").doesNotContain("SCAN");
            }
            ActionQuery everything = new ActionQuery("t", "d", "s1", "a1", "i-1", "h-1", ActionType.MONITOR,
                    StoreFixtures.T0, StoreFixtures.T0.plusSeconds(60), 100, cursor());
            assertThat(plan(c, KeysetSearch.actions(everything))).startsWith("SEARCH actions USING INDEX actions_")
                    .doesNotContain("TEMP B-TREE").doesNotContain("SCAN");
        }
    }

    @Test
    void everyHelpRequestSearchAndTheStartupListsSeekAnIndex() throws SQLException {
        Path file = dir.resolve("plans.db");
        SqliteGatewayStore.open(file).close();
        List<HelpRequestQuery> queries = List.of(
                new HelpRequestQuery("t", "d", null, null, null, null, null, 10, null),
                new HelpRequestQuery("t", "d", HelpRequestStatus.PENDING, null, null, null, null, 10, cursor()),
                new HelpRequestQuery("t", "d", null, "a1", null, StoreFixtures.T0, null, 10, null),
                new HelpRequestQuery("t", "d", null, null, "s1", null, StoreFixtures.T0, 10, cursor()));
        try (Connection c = raw(file)) {
            for (HelpRequestQuery q : queries) {
                assertThat(plan(c, KeysetSearch.helpRequests(q))).as("%s", q)
                        .startsWith("SEARCH help_requests USING INDEX help_requests_")
                        .doesNotContain("TEMP B-TREE").doesNotContain("SCAN");
            }
            assertThat(plan(c, ActivityRows.OPEN_HELP_REQUESTS, List.of()))
                    .contains("USING INDEX help_requests_open").doesNotContain("TEMP B-TREE");
            assertThat(plan(c, ActivityRows.LIVE_INTERACTIONS, List.of()))
                    .contains("USING INDEX interactions_live").doesNotContain("TEMP B-TREE");
        }
    }

    @Test
    void thePurgeOfExpiredSessionsSeeksTheExpiryIndex() throws SQLException {
        Path file = dir.resolve("plans.db");
        SqliteGatewayStore.open(file).close();
        try (Connection c = raw(file)) {
            assertThat(plan(c, SqliteDialect.DELETE_EXPIRED_SESSIONS, List.of(1L, 10)))
                    .contains("USING COVERING INDEX sessions_expiry (expires_at<?)")
                    .contains("SEARCH sessions USING INTEGER PRIMARY KEY (rowid=?)")
                    .doesNotContain("SCAN").doesNotContain("TEMP B-TREE");
        }
    }

    private static ActionQuery actions(String supervisorId, String agentId, String interactionId,
                                       String helpRequestId, ActionType type, String cursor) {
        return new ActionQuery("t", "d", supervisorId, agentId, interactionId, helpRequestId, type,
                StoreFixtures.T0, null, 100, cursor);
    }

    private static String cursor() {
        return SearchCursor.encode(StoreFixtures.T0, "x-1");
    }

    private static String plan(Connection c, KeysetSearch.Sql sql) throws SQLException {
        return plan(c, sql.text(), sql.params());
    }

    private static String plan(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<String> steps = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
            return String.join("\n", steps);
        }
    }

    private static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static List<String> names(Connection c, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
