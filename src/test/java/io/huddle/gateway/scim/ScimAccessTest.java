package io.huddle.gateway.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may call SCIM, what another tenant sees, and SCIM's errors for bad requests. */
class ScimAccessTest {
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    @TempDir
    static Path dir;
    static ScimFixture fx;
    static String acmeGroup;

    @BeforeAll
    static void start() {
        fx = new ScimFixture(dir);
        HttpResponse<String> g = fx.call("POST", "/scim/v2/Groups", fx.acmeToken, "{\"displayName\":\"Acme Only\","
                + "\"members\":[{\"value\":\"acme:agent1\"}]}");
        assertThat(g.statusCode()).as(g.body()).isEqualTo(201);
        acmeGroup = TestJson.text(g.body(), "id");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static JsonNode scimError(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/scim+json"));
        JsonNode body = ScimFixture.json(r);
        assertThat(body.get("schemas").get(0).asText()).isEqualTo(ERROR_SCHEMA);
        assertThat(body.get("status").asText()).isEqualTo(String.valueOf(status));
        return body;
    }

    @Test
    void aSessionTokenCannotCallScim() {
        String session = fx.gw.signIn("acme", "admin1");
        scimError(fx.call("GET", "/scim/v2/Users", session, null), 401);
        scimError(fx.call("GET", "/scim/v2/Users", null, null), 401);
    }

    @Test
    void aScimTokenCannotCallTheRestApi() {
        assertThat(fx.call("GET", "/api/v1/me", fx.acmeToken, null).statusCode()).isEqualTo(401);
        assertThat(fx.call("GET", "/api/v1/admin/scim-tokens", fx.acmeToken, null).statusCode()).isEqualTo(401);
        assertThat(fx.call("GET", "/api/v1/interactions", fx.acmeToken, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedTokenIsRefused() {
        JsonNode made = fx.makeToken("acme", "Short-lived");
        String token = made.get("token").asText();
        assertThat(fx.call("GET", "/scim/v2/Users?count=1", token, null).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = fx.call("DELETE", "/api/v1/admin/scim-tokens/" + made.get("id").asText(),
                fx.gw.signIn("acme", "admin1"), null);
        assertThat(revoked.statusCode()).isEqualTo(204);
        scimError(fx.call("GET", "/scim/v2/Users?count=1", token, null), 401);
    }

    @ParameterizedTest
    @CsvSource({"GET,/scim/v2/Users/acme:agent1", "PUT,/scim/v2/Users/acme:agent1",
            "PATCH,/scim/v2/Users/acme:agent1", "DELETE,/scim/v2/Users/acme:agent1", "GET,/scim/v2/Groups/GROUP",
            "PUT,/scim/v2/Groups/GROUP", "PATCH,/scim/v2/Groups/GROUP", "DELETE,/scim/v2/Groups/GROUP"})
    void anotherTenantsIdsAreNotFound(String method, String template) {
        String body = switch (method) {
            case "PUT" -> template.contains("Users") ? "{\"userName\":\"agent1\",\"active\":false}"
                    : "{\"displayName\":\"Taken\"}";
            case "PATCH" -> "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}";
            default -> null;
        };
        scimError(fx.call(method, template.replace("GROUP", acmeGroup), fx.globexToken, body), 404);
        assertThat(fx.user("acme:agent1").active()).isTrue();
        assertThat(fx.store().scim().group("acme", acmeGroup)).isPresent();
    }

    @Test
    void listsNeverShowAnotherTenant() {
        JsonNode users = ScimFixture.json(fx.call("GET", "/scim/v2/Users?count=200&filter="
                + URLEncoder.encode("userName sw \"agent\"", StandardCharsets.UTF_8), fx.globexToken, null));
        assertThat(users.get("totalResults").asInt()).isPositive();
        users.get("Resources").forEach(u -> assertThat(u.get("id").asText()).startsWith("globex:"));
        JsonNode groups = ScimFixture.json(fx.call("GET", "/scim/v2/Groups", fx.globexToken, null));
        assertThat(groups.get("totalResults").asInt()).isZero();
    }

    @Test
    void malformedJsonIsInvalidSyntax() {
        JsonNode e = scimError(fx.callMalformed("POST", "/scim/v2/Users", fx.acmeToken, "{\"userName\": "), 400);
        assertThat(e.get("scimType").asText()).isEqualTo("invalidSyntax");
        JsonNode p = scimError(fx.callMalformed("PATCH", "/scim/v2/Users/acme:agent1", fx.acmeToken,
                "{\"Operations\":[{\"op\":\"explode\",\"path\":\"active\"}]}"), 400);
        assertThat(p.get("scimType").asText()).isEqualTo("invalidSyntax");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"userName eq", "userName eq \"x\" and", "password eq \"x\"",
            "userName gt \"a\"", "emails[type eq \"work\"]", "active eq \"yes\""})
    void aFilterItCannotRunIsInvalidFilter(String filter) {
        JsonNode e = scimError(fx.call("GET", "/scim/v2/Users?filter=" + URLEncoder.encode(filter,
                StandardCharsets.UTF_8), fx.acmeToken, null), 400);
        assertThat(e.get("scimType").asText()).isEqualTo("invalidFilter");
    }

    @Test
    void aMissingUserNameAndAWrongTypeAreInvalidValues() {
        assertThat(scimError(fx.callMalformed("POST", "/scim/v2/Users", fx.acmeToken, "{\"displayName\":\"x\"}"), 400)
                .get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(scimError(fx.callMalformed("POST", "/scim/v2/Users", fx.acmeToken,
                "{\"userName\":\"x\",\"active\":\"maybe\"}"), 400).get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(fx.store().findUser("acme", "x")).isEmpty();
    }

    @Test
    void aBodyOver64KiBIsRefused() {
        String big = "{\"userName\":\"big\",\"displayName\":\"" + "x".repeat(70 * 1024) + "\"}";
        scimError(fx.call("POST", "/scim/v2/Users", fx.acmeToken, big), 413);
        assertThat(fx.store().findUser("acme", "big")).isEmpty();
    }
}
