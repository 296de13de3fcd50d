package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.AdminChange;
import io.huddle.domain.IdentitySettings;
import io.huddle.gateway.store.AdminChangeQuery;
import io.huddle.gateway.stream.WsTestClient;
import jakarta.websocket.CloseReason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users created, changed, disabled and refused through /api/v1/admin/users, and what the audit keeps of it. */
class AdminUsersApiTest {
    static final String ADMIN = "acme:admin1";
    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    static Api api;

    @BeforeAll
    static void start() {
        api = Api.start(dir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Api.Res create(String who, Object... fields) {
        return create(api, who, fields);
    }

    static Api.Res create(Api via, String who, Object... fields) {
        return via.post(V1 + "/admin/users", who, body(fields));
    }

    static Api.Res patch(String who, String id, String json) {
        return patch(api, who, id, json);
    }

    static Api.Res patch(Api via, String who, String id, String json) {
        return via.send("PATCH", V1 + "/admin/users/" + id, api.token(who), json, Map.of());
    }

    static Api.Res signIn(String tenant, String username, String password) {
        return api.post(V1 + "/sessions", null, body("tenant", tenant, "username", username, "password", password));
    }

    static List<AdminChange> auditOf(String targetId) {
        return api.gw.server().store().searchAdminChanges(new AdminChangeQuery("acme", null, null, targetId, null,
                null, 0, null)).items();
    }

    @Test
    void anAdminCreatesAUserWhoCanSignInAndTheAuditKeepsNoPassword() {
        JsonNode u = create(ADMIN, "username", "dana", "displayName", "Dana Li", "domain", "sales", "roles",
                List.of("awa_agent", "auditor"), "platformUserId", "P-DANA", "password", PASSWORD).expect(201).json();
        assertThat(u.get("id").asText()).isEqualTo("acme:dana");
        assertThat(u.get("displayName").asText()).isEqualTo("Dana Li");
        assertThat(u.get("domain").asText()).isEqualTo("sales");
        assertThat(u.get("roles")).extracting(JsonNode::asText).containsExactly("auditor", "awa_agent");
        assertThat(u.get("platformUserId").asText()).isEqualTo("P-DANA");
        assertThat(u.get("active").asBoolean()).isTrue();
        assertThat(u.get("source").asText()).isEqualTo("local");
        assertThat(u.get("hasPassword").asBoolean()).isTrue();
        assertThat(u.has("password")).isFalse();

        assertThat(signIn("acme", "dana", PASSWORD).expect(201).json().at("/user/id").asText()).isEqualTo("acme:dana");
        assertThat(api.get(V1 + "/admin/users/acme:dana", ADMIN).expect(200).json()).isEqualTo(u);

        List<AdminChange> audit = auditOf("acme:dana");
        assertThat(audit).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("user.create");
            assertThat(c.actorId()).isEqualTo(ADMIN);
            assertThat(c.actorName()).isEqualTo("admin1");
            assertThat(c.targetType()).isEqualTo("user");
            assertThat(c.detail()).contains("domain sales", "roles [auditor, awa_agent]", "password set")
                    .doesNotContain(PASSWORD);
        });
    }

    @Test
    void badInputIsA400NamingWhatIsWrongAndCreatesNothing() {
        String path = V1 + "/admin/users";
        api.malformed().send("POST", path, api.token(ADMIN), "{\"username\": \"x\",", Map.of())
                .expectError(400, "bad_request", "not valid JSON");
        create(ADMIN, "username", "erin", "domain", "nowhere", "roles", List.of("awa_agent"))
                .expectError(400, "bad_request", "domain 'nowhere' does not exist");
        create(api.malformed(), ADMIN, "username", "erin", "domain", "support", "roles", List.of("boss"))
                .expectError(400, "bad_request", "unknown role 'boss'");
        create(api.malformed(), ADMIN, "username", "erin", "domain", "support", "password", "short")
                .expectError(400, "bad_request", "field 'password' must be 12");
        create(api.malformed(), ADMIN, "username", "erin smith", "domain", "support")
                .expectError(400, "bad_request", "field 'username' must be 1 to 100 characters without spaces");
        create(api.malformed(), ADMIN, "username", "x".repeat(101), "domain", "support")
                .expectError(400, "bad_request", "field 'username'");
        create(api.malformed(), ADMIN, "domain", "support").expectError(400, "bad_request", "field 'username'");
        create(api.malformed(), ADMIN, "username", "erin").expectError(400, "bad_request", "field 'domain' is required");
        create(api.malformed(), ADMIN, "username", "erin", "domain", "support", "roles", "awa_agent")
                .expectError(400, "bad_request", "field 'roles' must be a list");
        create(api.malformed(), ADMIN, "username", "erin", "domain", "support", "admin", true)
                .expectError(400, "bad_request", "unknown field 'admin'");
        assertThat(api.gw.server().store().findUser("acme", "erin")).isEmpty();
        assertThat(auditOf("acme:erin")).isEmpty();

        create(ADMIN, "username", "agent1", "domain", "support").expectError(409, "conflict",
                "user name 'agent1' is taken");
        create(ADMIN, "username", "frank", "domain", "support", "platformUserId", "agent1")
                .expectError(409, "conflict", "platform user id 'agent1' belongs to user 'acme:agent1'");
    }

    @Test
    void anotherTenantsUserIsA404LikeAnUnknownIdAndIsNotChanged() {
        Api.Res real = api.get(V1 + "/admin/users/globex:agent1", ADMIN);
        real.expectError(404, "not_found", "user 'globex:agent1' not found");
        api.get(V1 + "/admin/users/acme:nobody", ADMIN).expectError(404, "not_found", "user 'acme:nobody' not found");
        patch(ADMIN, "globex:agent1", body("active", false)).expectError(404, "not_found", "user 'globex:agent1'");
        assertThat(api.gw.user("globex", "agent1").active()).isTrue();
    }

    @Test
    void aPatchChangesOnlyWhatItNamesAndTheAuditSaysWhatChanged() {
        create(ADMIN, "username", "gail", "domain", "support", "roles", List.of("awa_agent"), "password", PASSWORD)
                .expect(201);
        JsonNode u = patch(ADMIN, "acme:gail", body("roles", List.of("awa_agent", "awa_manager"), "domain", "sales",
                "displayName", "Gail V")).expect(200).json();
        assertThat(u.get("roles")).extracting(JsonNode::asText).containsExactly("awa_agent", "awa_manager");
        assertThat(u.get("domain").asText()).isEqualTo("sales");
        assertThat(u.get("hasPassword").asBoolean()).as("a password not named stays").isTrue();
        signIn("acme", "gail", PASSWORD).expect(201);
        assertThat(auditOf("acme:gail")).last().satisfies(c -> {
            assertThat(c.action()).isEqualTo("user.update");
            assertThat(c.detail()).contains("roles [awa_agent] -> [awa_agent, awa_manager]",
                    "domain support -> sales", "displayName gail -> Gail V");
        });

        patch(ADMIN, "acme:gail", body("domain", "nowhere")).expectError(400, "bad_request", "domain 'nowhere'");
        patch(api.malformed(), ADMIN, "acme:gail", body("username", "other")).expectError(400, "bad_request", "cannot be changed");
        patch(api.malformed(), ADMIN, "acme:gail", body("active", "no")).expectError(400, "bad_request", "field 'active'");
        patch(api.malformed(), ADMIN, "acme:gail", body("password", "short")).expectError(400, "bad_request", "field 'password'");
        patch(ADMIN, "acme:gail", body("platformUserId", "agent2")).expectError(409, "conflict", "agent2");

        String newPassword = "another long passphrase";
        patch(ADMIN, "acme:gail", body("password", newPassword)).expect(200);
        signIn("acme", "gail", PASSWORD).expect(401);
        signIn("acme", "gail", newPassword).expect(201);
        assertThat(auditOf("acme:gail")).last().extracting(AdminChange::detail).isEqualTo("password set");

        assertThat(patch(ADMIN, "acme:gail", "{\"password\": null}").expect(200).json().get("hasPassword")
                .asBoolean()).isFalse();
        signIn("acme", "gail", newPassword).expect(401);
        assertThat(auditOf("acme:gail")).last().extracting(AdminChange::detail).isEqualTo("password removed");
        assertThat(auditOf("acme:gail")).noneMatch(c -> c.detail().contains(PASSWORD)
                || c.detail().contains(newPassword));

        int before = auditOf("acme:gail").size();
        patch(ADMIN, "acme:gail", body("domain", "sales")).expect(200);
        assertThat(auditOf("acme:gail")).as("nothing changed, nothing recorded").hasSize(before);
    }

    @Test
    void disablingEndsTheSessionsAndClosesTheOpenStreamAtOnceAndEnablingLetsThemBackIn() {
        create(ADMIN, "username", "hana", "domain", "support", "roles", List.of("awa_agent"), "password", PASSWORD)
                .expect(201);
        String token = signIn("acme", "hana", PASSWORD).expect(201).json().get("token").asText();
        try (WsTestClient stream = WsTestClient.connect(api.gw.streamUri(), token)) {
            stream.hello();
            stream.awaitType("snapshot");

            JsonNode u = patch(ADMIN, "acme:hana", body("active", false)).expect(200).json();
            assertThat(u.get("active").asBoolean()).isFalse();

            CloseReason reason = stream.awaitClose(WsTestClient.WAIT);
            assertThat(reason.getCloseCode().getCode()).isEqualTo(4001);
        }
        api.send("GET", V1 + "/me", token, null, Map.of()).expect(401);
        signIn("acme", "hana", PASSWORD).expectError(403, "forbidden", "disabled");
        assertThat(auditOf("acme:hana")).last().satisfies(c -> {
            assertThat(c.action()).isEqualTo("user.disable");
            assertThat(c.detail()).isEqualTo("active true -> false");
        });

        patch(ADMIN, "acme:hana", body("active", true)).expect(200);
        signIn("acme", "hana", PASSWORD).expect(201);
        assertThat(auditOf("acme:hana")).last().extracting(AdminChange::action).isEqualTo("user.enable");
    }

    @Test
    void theTenantsLastActiveAdminCannotDisableThemselvesOrGiveUpTheRole() {
        String globexAdmin = "globex:admin1";
        patch(globexAdmin, "globex:admin1", body("active", false))
                .expectError(409, "conflict", "you are the tenant's last active admin");
        patch(globexAdmin, "globex:admin1", body("roles", List.of("auditor")))
                .expectError(409, "conflict", "last active admin");
        assertThat(api.gw.user("globex", "admin1").active()).isTrue();

        patch(globexAdmin, "globex:supervisor2", body("roles", List.of("awa_manager", "admin"))).expect(200);
        patch(globexAdmin, "globex:admin1", body("roles", List.of("auditor"))).expect(200);
        api.forget(globexAdmin);
        api.get(V1 + "/admin/users", globexAdmin).expectError(403, "forbidden", "requires the admin role");
    }

    @Test
    void withLocalSignInOffOnlyAnAdminMayHaveAPassword() {
        var store = api.gw.server().store();
        store.saveIdentitySettings(new IdentitySettings("acme", false, null, false, List.of()), null);
        try {
            create(ADMIN, "username", "ivo", "domain", "support", "roles", List.of("awa_agent"),
                    "password", PASSWORD).expectError(400, "bad_request", "local sign-in off");
            create(ADMIN, "username", "ivo", "domain", "support", "roles", List.of("awa_agent"))
                    .expect(201);
            create(ADMIN, "username", "ida", "domain", "support", "roles", List.of("admin"),
                    "password", PASSWORD).expect(201);
        } finally {
            store.saveIdentitySettings(IdentitySettings.defaults("acme"), null);
        }
    }

    @Test
    void usersAreListedAndSearchedPageByPage() {
        for (String name : List.of("zed-a", "zed-b", "zed-c")) {
            create(ADMIN, "username", name, "displayName", "Zed " + name, "domain", "sales",
                    "roles", List.of("awa_agent")).expect(201);
        }
        patch(ADMIN, "acme:zed-b", body("active", false)).expect(200);
        JsonNode first = api.get(V1 + "/admin/users?q=ZED&limit=2", ADMIN).expect(200).json();
        assertThat(first.get("items")).extracting(i -> i.get("username").asText()).containsExactly("zed-a", "zed-b");
        String cursor = first.get("nextCursor").asText();
        JsonNode second = api.get(V1 + "/admin/users?q=ZED&limit=2&cursor=" + Api.q(cursor), ADMIN).expect(200)
                .json();
        assertThat(second.get("items")).extracting(i -> i.get("username").asText()).containsExactly("zed-c");
        assertThat(second.get("nextCursor").isNull()).isTrue();

        assertThat(api.get(V1 + "/admin/users?q=zed&active=false", ADMIN).expect(200).json().get("items"))
                .extracting(i -> i.get("username").asText()).containsExactly("zed-b");
        assertThat(api.get(V1 + "/admin/users?role=admin", ADMIN).expect(200).json().get("items"))
                .extracting(i -> i.get("id").asText()).contains("acme:admin1").allMatch(id -> id.startsWith("acme:"));
        assertThat(api.get(V1 + "/admin/users?domain=sales&q=zed", ADMIN).expect(200).json().get("items"))
                .hasSize(3);
        api.get(V1 + "/admin/users?role=boss", ADMIN).expectError(400, "bad_request", "'role'");
        api.get(V1 + "/admin/users?active=maybe", ADMIN).expectError(400, "bad_request", "'active'");
        api.get(V1 + "/admin/users?limit=0", ADMIN).expectError(400, "bad_request", "'limit'");
        api.get(V1 + "/admin/users?cursor=%25%25", ADMIN).expectError(400, "bad_request", "cursor");
    }
}
