package io.huddle.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.InteractionState;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State churn is written without waiting for the disk, and the writes after it are durable again. */
class SqliteInteractionStateTest {

    @TempDir
    Path dir;

    @Test
    void aStateChangeIsSavedAndReadBackAfterReopening() {
        Path file = dir.resolve("gateway.db");
        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            store.saveInteraction(StoreFixtures.interaction("ix-1", InteractionState.ACTIVE));
            store.saveInteractionState(StoreFixtures.interaction("ix-1", InteractionState.ON_HOLD));
            store.saveAll(List.of(), List.of(), List.of(StoreFixtures.interaction("ix-2", InteractionState.ACTIVE)));
        }
        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            assertThat(store.findInteraction("ix-1")).get().extracting(i -> i.state())
                    .isEqualTo(InteractionState.ON_HOLD);
            assertThat(store.findInteraction("ix-2")).isPresent();
        }
    }

    @Test
    void theConnectionIsBackToSynchronousFullAfterAStateChange() {
        try (SqliteGatewayStore store = SqliteGatewayStore.open(dir.resolve("gateway.db"))) {
            store.saveInteractionState(StoreFixtures.interaction("ix-1", InteractionState.ON_HOLD));
            assertThat(synchronous(store)).isEqualTo(2); // FULL
        }
    }

    /** Reads the setting on the store's writer connection, the one the state change was written on. */
    private static int synchronous(SqliteGatewayStore store) {
        return store.write("read PRAGMA synchronous", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
