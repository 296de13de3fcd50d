package io.huddle.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, and what only a database file can get wrong. */
class SqliteGatewayStoreTest extends GatewayStoreContract {
    @TempDir
    Path dir;

    @Override
    GatewayStore openStore() {
        return SqliteGatewayStore.open(dir.resolve("gateway.db"));
    }

    @Test
    void openCreatesMissingParentDirectories() {
        Path file = dir.resolve("a/b/c/gateway.db");
        try (SqliteGatewayStore nested = SqliteGatewayStore.open(file)) {
            nested.saveTenantSettings(StoreFixtures.tenant("acme"));
            assertThat(nested.file()).isEqualTo(file.toAbsolutePath());
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void openOnADirectoryFailsWithStoreException() throws Exception {
        Path notAFile = Files.createDirectories(dir.resolve("taken"));
        assertThatThrownBy(() -> SqliteGatewayStore.open(notAFile))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("open gateway store")
                .hasCauseInstanceOf(java.sql.SQLException.class);
    }
}
