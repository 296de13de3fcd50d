package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.AdminChange;
import io.huddle.domain.IdentitySettings;
import io.huddle.gateway.store.AdminChangeQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant's identity settings over REST: what an admin reads and writes, what is refused, what is audited. */
class IdentityApiTest {
    static final String PATH = V1 + "/admin/identity";
    static final String ADMIN = "acme:admin1";

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

    static Map<String, Object> oidc(String issuer, String clientId, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("displayName", "Okta", "issuer", issuer, "clientId", clientId));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    static IdentitySettings stored(String tenant) {
        return api.gw.server().store().identitySettings(tenant).orElse(IdentitySettings.defaults(tenant));
    }

    @Test
    void theClientSecretIsWriteOnlyAndKeptWhileTheClientStaysTheSame() {
        JsonNode set = api.put(PATH, ADMIN, body("oidc", oidc("https://acme.okta.com", "0oa1",
                "clientSecret", "very-secret-value"))).expect(200).json();
        assertThat(set.path("oidc").path("clientSecretSet").asBoolean()).isTrue();
        assertThat(set.path("oidc").has("clientSecret")).isFalse();
        assertThat(api.get(PATH, ADMIN).expect(200).body()).doesNotContain("very-secret-value")
                .contains("\"clientSecretSet\":true");

        api.put(PATH, ADMIN, body("oidc", oidc("https://acme.okta.com", "0oa1", "groupsClaim", "roles")))
                .expect(200);
        assertThat(stored("acme").oidc().clientSecret()).isEqualTo("very-secret-value");
        assertThat(stored("acme").oidc().groupsClaim()).isEqualTo("roles");

        JsonNode other = api.put(PATH, ADMIN, body("oidc", oidc("https://acme.okta.com", "0oa2"))).expect(200).json();
        assertThat(other.path("oidc").path("clientSecretSet").asBoolean()).isFalse();
        assertThat(stored("acme").oidc().clientSecret()).isNull();

        List<AdminChange> changes = api.gw.server().store().searchAdminChanges(new AdminChangeQuery("acme",
                "acme:admin1", "identity.update", null, null, null, 50, null)).items();
        assertThat(changes).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(c -> assertThat(c.detail()).doesNotContain("very-secret-value"));
        assertThat(changes).anySatisfy(c -> assertThat(c.detail()).contains("client secret set"));
    }

    @Test
    void mappingsAreReadWithWireRoleNamesAndOidcNullTurnsSingleSignOnOff() {
        JsonNode put = api.put(PATH, ADMIN, body("oidc", oidc("http://127.0.0.1:9/realms/test", "huddle"),
                "createOnFirstSignIn", true, "groupMappings", List.of(Map.of("group", "Huddle Supervisors",
                        "roles", List.of("awa_manager", "auditor"), "domain", "support")))).expect(200).json();
        assertThat(put.path("groupMappings").get(0).path("roles").toString())
                .isEqualTo("[\"auditor\",\"awa_manager\"]");
        assertThat(api.get(PATH, ADMIN).json().path("createOnFirstSignIn").asBoolean()).isTrue();
        api.put(PATH, ADMIN, body("oidc", null)).expect(200);
        assertThat(stored("acme").oidc()).isNull();
        assertThat(stored("acme").groupMappings()).hasSize(1);
    }

    @Test
    void badSettingsAreRefusedAndChangeNothing() {
        api.put(PATH, ADMIN, body("oidc", oidc("https://acme.okta.com", "keep"))).expect(200);
        IdentitySettings before = stored("acme");
        api.put(PATH, ADMIN, body("oidc", oidc("http://idp.example.com", "x")))
                .expectError(400, "bad_request", "field 'oidc.issuer' must be an https URL");
        api.malformed().put(PATH, ADMIN, body("groupMappings", List.of(Map.of("group", "G", "roles", List.of("boss")))))
                .expectError(400, "bad_request", "groupMappings[0].roles", "unknown role", "awa_manager");
        api.malformed().put(PATH, ADMIN, body("groupMappings", List.of(Map.of("group", " ", "roles", List.of("admin")))))
                .expectError(400, "bad_request", "groupMappings[0].group");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Map.of("group", "g" + i, "roles", List.of("awa_agent")));
        }
        api.malformed().put(PATH, ADMIN, body("groupMappings", many)).expectError(400, "bad_request", "at most 100");
        api.put(PATH, ADMIN, body("oidc", null, "localSignIn", false))
                .expectError(400, "bad_request", "'localSignIn' can be false only with single sign-on");
        assertThat(stored("acme")).isEqualTo(before);
    }

    @Test
    void anotherTenantsAdminSeesAndChangesOnlyTheirOwn() {
        api.put(PATH, ADMIN, body("oidc", oidc("https://acme.okta.com", "acme-client"))).expect(200);
        JsonNode globex = api.get(PATH, "globex:admin1").expect(200).json();
        assertThat(globex.toString()).doesNotContain("acme");
        api.put(PATH, "globex:admin1", body("oidc", oidc("https://globex.okta.com", "globex-client"))).expect(200);
        assertThat(stored("acme").oidc().clientId()).isEqualTo("acme-client");
        assertThat(stored("globex").oidc().clientId()).isEqualTo("globex-client");
        assertThat(api.get(PATH, ADMIN).json().path("oidc").path("clientId").asText()).isEqualTo("acme-client");
    }
}
