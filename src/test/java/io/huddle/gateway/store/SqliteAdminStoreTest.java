package io.huddle.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administration contract on SQLite, and the upgrade of a file from before the tenants' domains. */
class SqliteAdminStoreTest extends AdminStoreContract {
    @TempDir
    Path dir;

    @Override
    GatewayStore openStore() {
        return SqliteGatewayStore.open(dir.resolve("gateway.db"));
    }

    @Test
    void anUpgradedStoreKnowsTheDomainsItsUsersBelongTo() throws SQLException {
        Path file = dir.resolve("gateway.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            SqliteSchema.migrate(c, 5); // the last version before tenant_domains (version 6)
            for (String[] u : new String[][] {{"acme", "a", "support"}, {"acme", "b", "support"},
                    {"acme", "c", "sales"}, {"globex", "d", "support"}}) {
                st.execute("INSERT INTO users (id, tenant, domain, username, display_name, roles, password_hash)"
                        + " VALUES ('" + u[0] + ":" + u[1] + "', '" + u[0] + "', '" + u[2] + "', '" + u[1] + "', '"
                        + u[1] + "', '[\"AWA_AGENT\"]', " + (u[1].equals("a") ? "'h'" : "NULL") + ")");
            }
        }
        try (GatewayStore s = openStore()) {
            assertThat(s.domains("acme")).containsExactly(new TenantDomain("sales", 1), new TenantDomain("support", 2));
            assertThat(s.domains("globex")).containsExactly(new TenantDomain("support", 1));
            assertThat(s.userAccount("acme:a")).get().satisfies(a -> {
                assertThat(a.source()).isEqualTo("local");
                assertThat(a.hasPassword()).isTrue();
            });
            assertThat(s.userAccount("acme:b")).get().extracting(UserAccount::hasPassword).isEqualTo(false);
        }
    }
}
