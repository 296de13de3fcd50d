package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.InteractionState;
import io.huddle.domain.SupervisorAction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreRobustnessTest {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersAndReadersLoseNothing() throws Exception {
        int threads = 4;
        int perThread = 150;
        try (SqliteGatewayStore store = SqliteGatewayStore.open(dir.resolve("gateway.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Callable<Integer>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(() -> {
                        int seen = 0;
                        for (int n = 0; n < perThread; n++) {
                            String id = "t" + thread + "-" + n;
                            if (n % 3 == 0) {
                                store.saveAll(List.of(StoreFixtures.helpRequest("h-" + id,
                                        HelpRequestStatus.PENDING, at(n))), List.of(StoreFixtures.action(id, at(n))),
                                        List.of());
                            } else {
                                store.saveAction(StoreFixtures.action(id, at(n)));
                            }
                            seen += store.searchActions(new ActionQuery("acme", "sales", null, null, null, null,
                                    null, null, null, 5, null)).items().size();
                            store.openHelpRequests();
                        }
                        return seen;
                    });
                }
                for (Future<Integer> done : pool.invokeAll(work, 60, TimeUnit.SECONDS)) {
                    assertThat(done.get()).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
            List<SupervisorAction> all = new ArrayList<>();
            String cursor = null;
            do {
                Page<SupervisorAction> page = store.searchActions(new ActionQuery("acme", "sales", null, null, null,
                        null, null, null, null, 500, cursor));
                all.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(all).hasSize(threads * perThread).extracting(SupervisorAction::id).doesNotHaveDuplicates();
            assertThat(store.openHelpRequests()).hasSize(threads * 50);
        }
    }

    @Test
    void corruptJsonIsReportedNotHidden() throws SQLException {
        Path file = dir.resolve("gateway.db");
        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            store.saveInteraction(StoreFixtures.interaction("i-1", InteractionState.ACTIVE));
            store.saveTenantSettings(StoreFixtures.tenant("acme"));
        }
        execute(file, "UPDATE interactions SET participants = '[{\"id\": ' WHERE id = 'i-1'",
                "UPDATE tenants SET help_reasons = '[1, 2]' WHERE tenant = 'acme'");

        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            assertThatThrownBy(() -> store.findInteraction("i-1"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("find interaction 'i-1' failed")
                    .hasMessageContaining("malformed JSON in interactions.participants");
            assertThatThrownBy(store::liveInteractions).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.tenantSettings("acme"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("malformed JSON in tenants.help_reasons");
        }
    }

    @Test
    void anUnknownEnumNameIsReportedNotHiddenAndAnUnknownRoleIsIgnored() throws SQLException {
        Path file = dir.resolve("gateway.db");
        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            store.saveInteraction(StoreFixtures.interaction("i-1", InteractionState.ACTIVE));
            store.saveUser(StoreFixtures.user("u1", "acme", "sue"), "h");
        }
        execute(file, "UPDATE interactions SET channel = 'FAX' WHERE id = 'i-1'",
                "UPDATE users SET roles = '[\"AWA_MANAGER\", \"ROOT\"]' WHERE id = 'u1'");

        try (SqliteGatewayStore store = SqliteGatewayStore.open(file)) {
            assertThatThrownBy(() -> store.findInteraction("i-1"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("unknown Channel 'FAX' in channel");
            assertThat(store.users("acme")).singleElement()
                    .satisfies(u -> assertThat(u.roles()).as("a role this build does not know grants nothing")
                            .containsExactly(io.huddle.domain.Role.AWA_MANAGER));
        }
    }

    private static void execute(Path file, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : sql) {
                assertThat(s.executeUpdate(statement)).isEqualTo(1);
            }
        }
    }
}
