package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.AdminChange;
import io.huddle.domain.GroupMapping;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.OidcProvider;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The identity part of the store: disabled users, identity settings, the audit of administration, ending sessions.
 *
 * A contract of every store engine: run on SQLite by {@link SqliteIdentityStoreTest}
 * and on PostgreSQL by {@link PostgresIdentityStoreTest}.
 */
abstract class IdentityStoreContract {

    /** Opens the engine's store on this test's database: again after a close, on the same rows. */
    abstract GatewayStore openStore();

    private static User user(String name, boolean active) {
        return new User("acme:" + name, "acme", "support", name, name, Set.of(Role.AWA_AGENT), null, active);
    }

    private static AdminChange change(String id, int second, String actor, String action, String target) {
        return new AdminChange(id, "acme", T0.plusSeconds(second), actor, actor, action, "user", target, "d");
    }

    @Test
    void aDisabledUserStaysDisabledAcrossAReopen() {
        try (GatewayStore s = openStore()) {
            s.saveUser(user("agent1", false), "hash", change("c1", 0, "acme:admin1", "user.disable", "acme:agent1"));
        }
        try (GatewayStore s = openStore()) {
            assertThat(s.findUser("acme", "agent1")).get().extracting(User::active).isEqualTo(false);
            assertThat(s.passwordHash("acme:agent1")).contains("hash");
        }
    }

    @Test
    void identitySettingsRoundTripWithTheirMappingsAndProvider() {
        IdentitySettings settings = new IdentitySettings("acme", false,
                new OidcProvider("Okta", "https://acme.okta.test", "huddle", "s3cret", null, null, "grp", null),
                true, List.of(new GroupMapping("Huddle Supervisors", Set.of(Role.AWA_MANAGER), "support"),
                        new GroupMapping("Huddle Leads", Set.of(Role.AWA_MANAGER, Role.AUDITOR), null)));
        try (GatewayStore s = openStore()) {
            assertThat(s.identitySettings("acme")).isEmpty();
            s.saveIdentitySettings(settings, change("c1", 0, "acme:admin1", "identity.update", "acme"));
        }
        try (GatewayStore s = openStore()) {
            assertThat(s.identitySettings("acme")).contains(settings);
            assertThat(s.identitySettings("globex")).isEmpty();
            assertThat(s.searchAdminChanges(new AdminChangeQuery("acme", null, null, null, null, null, 0, null))
                    .items()).extracting(AdminChange::action).containsExactly("identity.update");
        }
    }

    @Test
    void aUserAndItsAuditRecordCommitTogetherOrNotAtAll() {
        try (GatewayStore s = openStore()) {
            s.recordAdminChange(change("dup", 0, "acme:admin1", "user.create", "acme:agent0"));
            assertThatThrownBy(() -> s.saveUser(user("agent1", true), null,
                    change("dup", 1, "acme:admin1", "user.create", "acme:agent1")))
                    .isInstanceOf(StoreException.class);
            assertThat(s.findUser("acme", "agent1")).isEmpty();
        }
    }

    @Test
    void theAuditOfAdministrationIsSearchedByActorActionTargetAndTimeAndPaged() {
        try (GatewayStore s = openStore()) {
            s.recordAdminChange(change("c1", 1, "acme:admin1", "user.create", "acme:a"));
            s.recordAdminChange(change("c2", 2, "acme:admin2", "user.create", "acme:b"));
            s.recordAdminChange(change("c3", 3, "acme:admin1", "user.disable", "acme:a"));
            s.recordAdminChange(new AdminChange("c4", "globex", T0.plusSeconds(4), "x", "x", "user.create", "user",
                    "acme:a", null));
            assertThat(ids(s, new AdminChangeQuery("acme", "acme:admin1", null, null, null, null, 0, null)))
                    .containsExactly("c1", "c3");
            assertThat(ids(s, new AdminChangeQuery("acme", null, "user.create", null, null, null, 0, null)))
                    .containsExactly("c1", "c2");
            assertThat(ids(s, new AdminChangeQuery("acme", null, null, "acme:a", null, null, 0, null)))
                    .containsExactly("c1", "c3");
            assertThat(ids(s, new AdminChangeQuery("acme", null, null, null, T0.plusSeconds(2), T0.plusSeconds(3),
                    0, null))).containsExactly("c2");
            Page<AdminChange> first = s.searchAdminChanges(
                    new AdminChangeQuery("acme", null, null, null, null, null, 2, null));
            assertThat(first.items()).extracting(AdminChange::id).containsExactly("c1", "c2");
            assertThat(ids(s, new AdminChangeQuery("acme", null, null, null, null, null, 2, first.nextCursor())))
                    .containsExactly("c3");
        }
    }

    @Test
    void endingAUsersSessionsAnswersTheirDigestsAndLeavesOthers() {
        try (GatewayStore s = openStore()) {
            s.saveUser(user("agent1", true), null);
            s.saveUser(user("agent2", true), null);
            s.saveSession("d1", "acme:agent1", T0.plusSeconds(60));
            s.saveSession("d2", "acme:agent1", T0.plusSeconds(60));
            s.saveSession("d3", "acme:agent2", T0.plusSeconds(60));
            assertThat(s.endSessionsOf("acme:agent1")).containsExactlyInAnyOrder("d1", "d2");
            assertThat(s.sessionUser("d1", T0)).isEmpty();
            assertThat(s.sessionUser("d3", T0)).contains("acme:agent2");
            assertThat(s.endSessionsOf("acme:agent1")).isEmpty();
        }
    }

    private static List<String> ids(GatewayStore s, AdminChangeQuery q) {
        return s.searchAdminChanges(q).items().stream().map(AdminChange::id).toList();
    }
}
