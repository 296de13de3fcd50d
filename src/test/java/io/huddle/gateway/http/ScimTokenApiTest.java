package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.AdminChange;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.store.AdminChangeQuery;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator's SCIM tokens: shown once, kept as a digest, listed without the secret, revoked, audited. */
class ScimTokenApiTest {
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

    @Test
    void aTokenIsShownOnceKeptAsADigestListedAndRevoked() {
        JsonNode made = api.post(V1 + "/admin/scim-tokens", ADMIN, body("name", "Okta provisioning")).expect(201)
                .json();
        String token = made.get("token").asText();
        String id = made.get("id").asText();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(made.get("name").asText()).isEqualTo("Okta provisioning");
        assertThat(made.hasNonNull("createdAt")).isTrue();
        assertThat(api.gw.server().store().scim().tokenByDigest(AuthService.digest(token))).isPresent();

        Api.Res list = api.get(V1 + "/admin/scim-tokens", ADMIN).expect(200);
        assertThat(list.body()).doesNotContain(token);
        JsonNode item = list.json().get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("createdBy").asText()).isEqualTo(ADMIN);
        assertThat(item.has("token")).isFalse();

        api.send("DELETE", V1 + "/admin/scim-tokens/" + id, api.token(ADMIN), null, java.util.Map.of()).expect(204);
        api.send("DELETE", V1 + "/admin/scim-tokens/" + id, api.token(ADMIN), null, java.util.Map.of())
                .expectError(404, "not_found", "SCIM token");
        assertThat(api.get(V1 + "/admin/scim-tokens", ADMIN).json().get("items").findValuesAsText("id"))
                .doesNotContain(id);

        List<AdminChange> audit = api.gw.server().store().searchAdminChanges(new AdminChangeQuery("acme", ADMIN,
                null, id, null, null, 10, null)).items();
        assertThat(audit).extracting(AdminChange::action).containsExactly("scim_token.create", "scim_token.revoke");
        assertThat(audit).allSatisfy(c -> assertThat(c.detail() == null ? "" : c.detail()).doesNotContain(token));
    }

    @Test
    void aTokenNeedsAName() {
        api.malformed().post(V1 + "/admin/scim-tokens", ADMIN, "{}").expectError(400, "bad_request", "name");
        api.malformed().post(V1 + "/admin/scim-tokens", ADMIN, body("name", "x".repeat(101))).expectError(400,
                "bad_request",
                "name");
    }
}
