package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.AdminChange;
import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Domains, and users as administration sees and searches them.
 *
 * A contract of every store engine: run on SQLite by {@link SqliteAdminStoreTest}
 * and on PostgreSQL by {@link PostgresAdminStoreTest}.
 */
abstract class AdminStoreContract {

    /** Opens the engine's store on this test's database: again after a close, on the same rows. */
    abstract GatewayStore openStore();

    private static AdminChange change(String id, String action, String target) {
        return new AdminChange(id, "acme", T0, "acme:admin1", "admin1", action, "domain", target, "d");
    }

    private static User user(String tenant, String name, String display, String domain, boolean active, Role... roles) {
        return new User(tenant + ":" + name, tenant, domain, name, display, Set.of(roles), null, active);
    }

    private static List<AdminChange> changes(GatewayStore s) {
        return s.searchAdminChanges(new AdminChangeQuery("acme", null, null, null, null, null, 0, null)).items();
    }

    @Test
    void aUserNameTakenMeanwhileIsAFailureThatSaysSoAndChangesNothing() {
        try (GatewayStore s = openStore()) {
            s.saveUser(user("acme", "alice", "Alice", "support", true, Role.AWA_AGENT), null);
            // another writer's alice, with an id of its own, after both checked that the name was free
            User other = new User("acme:alice-2", "acme", "support", "alice", "Alice Two", Set.of(Role.AWA_AGENT),
                    null, true);
            assertThatThrownBy(() -> s.saveUser(other, null, change("c9", "user.create", "acme:alice-2")))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.alreadyExists()).isTrue());
            assertThat(changes(s)).as("the audit of a write that did not happen").isEmpty();
            assertThat(s.findUser("acme", "alice").orElseThrow().displayName()).isEqualTo("Alice");
        }
        try (GatewayStore s = openStore()) {
            StoreException other = new StoreException("reading failed", new java.sql.SQLException("disk I/O error"));
            assertThat(other.alreadyExists()).isFalse();
        }
    }

    @Test
    void domainsAreKeptPerTenantWithTheirUserCountsAndTheChangeThatMadeThem() {
        try (GatewayStore s = openStore()) {
            s.saveDomain("acme", "support", change("c1", "domain.create", "support"));
            s.saveDomain("acme", "sales", change("c2", "domain.create", "sales"));
            s.saveDomain("globex", "support", null);
            s.saveUser(user("acme", "a", "A", "support", true, Role.AWA_AGENT), null);
            s.saveUser(user("acme", "b", "B", "support", false, Role.AWA_AGENT), null);
            s.saveUser(user("globex", "c", "C", "support", true, Role.AWA_AGENT), null);
        }
        try (GatewayStore s = openStore()) {
            assertThat(s.domains("acme")).containsExactly(new TenantDomain("sales", 0), new TenantDomain("support", 2));
            assertThat(s.domains("globex")).containsExactly(new TenantDomain("support", 1));
            assertThat(s.domains("initech")).isEmpty();
            assertThat(changes(s)).extracting(AdminChange::id).containsExactly("c1", "c2");
        }
    }

    @Test
    void aSecondDomainOfTheSameNameChangesNothingNotEvenTheAudit() {
        try (GatewayStore s = openStore()) {
            s.saveDomain("acme", "support", change("c1", "domain.create", "support"));
            assertThatThrownBy(() -> s.saveDomain("acme", "support", change("c2", "domain.create", "support")))
                    .isInstanceOf(StoreException.class);
            assertThat(s.domains("acme")).containsExactly(new TenantDomain("support", 0));
            assertThat(changes(s)).extracting(AdminChange::id).containsExactly("c1");
        }
    }

    @Test
    void usersAreSearchedByTextDomainRoleAndActivePageByPageInUserNameOrder() {
        try (GatewayStore s = openStore()) {
            s.saveUser(user("acme", "carol", "Carol Smith", "support", true, Role.AWA_MANAGER), "h");
            s.saveUser(user("acme", "alice", "Alice Ng", "support", true, Role.ADMIN, Role.AUDITOR), null);
            s.saveUser(user("acme", "bob", "Bob Smithers", "sales", false, Role.AWA_AGENT), null);
            s.saveUser(user("acme", "dave_1", "Dave", "sales", true, Role.AWA_AGENT), null);
            s.saveUser(user("acme", "dave11", "Dave Too", "sales", true, Role.AWA_AGENT), null);
            s.saveUser(user("globex", "smith", "Smith", "support", true, Role.ADMIN), null);

            assertThat(names(s, new UserQuery("acme", "SMITH", null, null, null, 0, null)))
                    .containsExactly("bob", "carol");
            assertThat(names(s, new UserQuery("acme", "dave_", null, null, null, 0, null)))
                    .as("_ is a character, not a wildcard").containsExactly("dave_1");
            assertThat(names(s, new UserQuery("acme", null, "sales", null, null, 0, null)))
                    .containsExactly("bob", "dave11", "dave_1");
            assertThat(names(s, new UserQuery("acme", null, null, Role.ADMIN, null, 0, null)))
                    .containsExactly("alice");
            assertThat(names(s, new UserQuery("acme", null, null, null, false, 0, null))).containsExactly("bob");

            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<UserAccount> page = s.searchUsers(new UserQuery("acme", null, null, null, null, 2, cursor));
                page.items().forEach(a -> paged.add(a.user().username()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(paged).containsExactly("alice", "bob", "carol", "dave11", "dave_1");
            assertThat(pages).isEqualTo(3);
            assertThat(s.searchUsers(new UserQuery("acme", "carol", null, null, null, 0, null)).items().get(0)
                    .hasPassword()).isTrue();
            assertThatThrownBy(() -> s.searchUsers(new UserQuery("acme", null, null, null, null, 2, "%%%")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("cursor is not valid");
        }
    }

    private static List<String> names(GatewayStore s, UserQuery q) {
        return s.searchUsers(q).items().stream().map(a -> a.user().username()).toList();
    }
}
