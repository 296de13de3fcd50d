package io.huddle.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
            assertThat(store.schemaVersion()).isEqualTo(new SchemaVersion(4, 4));
            store.saveTenantSettings(StoreFixtures.tenant("acme"));
        }
        try (PostgresGatewayStore store = PostgresGatewayStore.open(database)) {
            assertThat(store.schemaVersion().isLatest()).isTrue();
            assertThat(store.tenantSettings("acme")).contains(StoreFixtures.tenant("acme"));
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
