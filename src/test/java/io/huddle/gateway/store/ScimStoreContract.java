package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.AdminChange;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.ScimCondition.Attribute;
import io.huddle.gateway.store.ScimCondition.Operator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What SCIM keeps: writes atomic with their audit, conditions as SQL, a tenant's rows only, passwords untouched.
 *
 * A contract of every store engine: run on SQLite by {@link SqliteScimStoreTest}
 * and on PostgreSQL by {@link PostgresScimStoreTest}.
 */
abstract class ScimStoreContract {

    /** Opens the engine's store on this test's database: again after a close, on the same rows. */
    abstract GatewayStore openStore();
    GatewayStore store;
    ScimStore scim;

    @BeforeEach
    void open() {
        store = openStore();
        scim = store.scim();
        for (String t : List.of("acme", "globex")) {
            for (String name : List.of("Ann.Lee", "bob", "carla")) {
                scim.saveUsers(List.of(new ScimUser(new User(t + ":" + name, t, "support", name, name + " X",
                        Set.of()), "ext-" + name, true)), List.of());
            }
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static AdminChange change(String id) {
        return new AdminChange(id, "acme", T0, "scim:t1", "Okta", "group.update", "group", "g1", null);
    }

    private List<String> names(ScimCondition where) {
        return scim.users("acme", where, 0, 200).items().stream().map(u -> u.user().username()).toList();
    }

    private static ScimCondition is(Attribute a, Operator op, Object value) {
        return new ScimCondition.Compare(a, op, value);
    }

    @Test
    void creatingAUserTakenMeanwhileFailsAndOverwritesNothing() {
        store.saveUser(new User("acme:dora", "acme", "support", "dora", "Dora by an admin", Set.of(Role.ADMIN)),
                "a-hash");
        ScimUser same = new ScimUser(new User("acme:dora", "acme", "support", "dora", "Dora from the provider",
                Set.of()), "ext-dora", true);
        assertThatThrownBy(() -> scim.createUser(same, change("c-dora")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.alreadyExists()).isTrue());
        User kept = store.findUser("acme", "dora").orElseThrow();
        assertThat(kept.displayName()).isEqualTo("Dora by an admin");
        assertThat(kept.roles()).containsExactly(Role.ADMIN);

        scim.createUser(new ScimUser(new User("acme:erin", "acme", "support", "erin", "Erin", Set.of()), "ext-erin",
                true), change("c-erin"));
        assertThat(names(new ScimCondition.All())).contains("erin");
    }

    @Test
    void conditionsRunAsSqlWithinTheTenant() {
        assertThat(names(new ScimCondition.All())).containsExactly("Ann.Lee", "bob", "carla");
        assertThat(names(is(Attribute.USER_NAME, Operator.EQ, "ann.lee"))).containsExactly("Ann.Lee");
        assertThat(names(is(Attribute.EXTERNAL_ID, Operator.EQ, "EXT-bob"))).as("externalId is case-exact").isEmpty();
        assertThat(names(is(Attribute.USER_NAME, Operator.SW, "CA"))).containsExactly("carla");
        assertThat(names(is(Attribute.USER_NAME, Operator.EW, "Lee"))).containsExactly("Ann.Lee");
        assertThat(names(is(Attribute.DISPLAY_NAME, Operator.CO, "b X"))).containsExactly("bob");
        assertThat(names(new ScimCondition.Or(is(Attribute.USER_NAME, Operator.EQ, "bob"),
                new ScimCondition.Not(is(Attribute.EXTERNAL_ID, Operator.NE, "ext-carla")))))
                .containsExactly("bob", "carla");
        assertThat(names(new ScimCondition.And(is(Attribute.ACTIVE, Operator.EQ, true),
                is(Attribute.USER_NAME, Operator.PR, null)))).hasSize(3);
        ScimPage<ScimUser> page = scim.users("acme", new ScimCondition.All(), 1, 1);
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.items()).extracting(u -> u.user().username()).containsExactly("bob");
    }

    @Test
    void aGroupWriteThatFailsChangesNothingAndRecordsNothing() {
        ScimGroup g = new ScimGroup("g1", "acme", "Agents", null, T0, T0, List.of("acme:bob", "acme:nobody"));
        User placed = new User("acme:bob", "acme", "sales", "bob", "bob X", Set.of(Role.AWA_AGENT));
        assertThatThrownBy(() -> scim.saveGroup(g, List.of(placed), List.of(change("c1"))))
                .isInstanceOf(StoreException.class);
        assertThat(scim.group("acme", "g1")).isEmpty();
        assertThat(store.findUserById("acme:bob").orElseThrow().roles()).isEmpty();
        assertThat(store.searchAdminChanges(new AdminChangeQuery("acme", null, null, null, null, null, 10, null))
                .items()).isEmpty();
    }

    @Test
    void aGroupKeepsExactlyItsMembersAndAnotherTenantCannotSeeIt() {
        scim.saveGroup(new ScimGroup("g1", "acme", "Agents", "x1", T0, T0, List.of("acme:carla", "acme:bob")),
                List.of(), List.of(change("c1")));
        scim.saveGroup(new ScimGroup("g1", "acme", "Agents", "x1", T0, T0.plusSeconds(1), List.of("acme:carla")),
                List.of(), List.of(change("c2")));
        assertThat(scim.group("acme", "g1").orElseThrow().memberIds()).containsExactly("acme:carla");
        assertThat(scim.group("globex", "g1")).isEmpty();
        assertThat(scim.groupNamesOf("acme:carla")).containsExactly("Agents");
        assertThat(scim.groupNamesOf("acme:bob")).isEmpty();
        assertThat(scim.groups("acme", is(Attribute.MEMBER, Operator.EQ, "acme:carla"), 0, 10, false).items())
                .extracting(ScimGroup::id).containsExactly("g1");
    }

    @Test
    void savingThroughScimKeepsAPasswordAndDeletingKeepsTheAudit() {
        User admin = new User("acme:admin1", "acme", "support", "admin1", "Admin", Set.of(Role.ADMIN));
        store.saveUser(admin, "hash");
        scim.saveUsers(List.of(new ScimUser(admin.withActive(false), "ext-admin", false)), List.of(new AdminChange(
                "c1", "acme", T0, "scim:t1", "Okta", "user.disable", "user", "acme:admin1", null)));
        assertThat(store.passwordHash("acme:admin1")).contains("hash");
        scim.deleteUser(admin, new AdminChange("c2", "acme", T0, "scim:t1", "Okta", "user.delete", "user",
                "acme:admin1", null));
        assertThat(store.findUserById("acme:admin1")).isEmpty();
        assertThat(scim.userIdDeleted("acme", "acme:admin1")).isTrue();
        assertThat(scim.userIdDeleted("globex", "acme:admin1")).isFalse();
        assertThat(store.searchAdminChanges(new AdminChangeQuery("acme", null, null, "acme:admin1", null, null, 10,
                null)).items()).extracting(AdminChange::action).containsExactly("user.disable", "user.delete");
    }
}
