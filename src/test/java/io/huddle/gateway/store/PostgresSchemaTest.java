package io.huddle.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store's schema: made by Flyway at the first open, and a database newer than this build refused. */
class PostgresSchemaTest {
    private PostgresSettings database;

    @BeforeEach
    void create() {
        database = TestPostgres.createEmptyDatabase();
    }

    @AfterEach
    void drop() {
        TestPostgres.dropDatabase(database);
    }

    @Test
    void theFirstOpenMakesTheSchemaAndLaterOnesFindItReady() {
        try (PostgresGatewayStore store = PostgresGatewayStore.open(database)) {
            assertThat(store.schemaVersion()).isEqualTo(new SchemaVersion(6, 6));
            store.saveTenantSettings(StoreFixtures.tenant("acme"));
        }
        try (PostgresGatewayStore store = PostgresGatewayStore.open(database)) {
            assertThat(store.schemaVersion().isLatest()).isTrue();
            assertThat(store.tenantSettings("acme")).contains(StoreFixtures.tenant("acme"));
        }
    }

    @Test
    void floorLogEntriesWrittenAsJsonbBeforeV6AreReadAsTheyWereAfterIt() throws Exception {
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/postgres").target("5").load().migrate();
        String entry = "[{\"op\":\"settings\",\"at\":\"2026-12-06T10:00:00.000Z\"}]";
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO floor_log (tenant, seq, instance, ops) VALUES ('acme', 1, 'a', '" + entry
                    + "'::jsonb)");
        }
        PostgresGatewayStore.open(database).close(); // migrates to V6
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT data_type, (SELECT ops FROM floor_log WHERE seq = 1)"
                     + " FROM information_schema.columns WHERE table_name = 'floor_log' AND column_name = 'ops'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("text");
            // the same JSON, as PostgreSQL printed it from JSONB
            assertThat(new ObjectMapper().readTree(rs.getString(2))).isEqualTo(new ObjectMapper().readTree(entry));
        }
    }

    @Test
    void aDatabaseThatANewerBuildMigratedIsRefused() throws Exception {
        PostgresGatewayStore.open(database).close();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success)"
                    + " VALUES (99, '99', 'from a newer build', 'SQL', 'V99__from_a_newer_build.sql', 0, 'test', 1, true)");
        }
        assertThatThrownBy(() -> PostgresGatewayStore.open(database))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("open gateway store " + database)
                .hasMessageContaining("migrating the schema failed");
    }
}
