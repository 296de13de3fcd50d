package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionsApiTest extends ApiTest {
    private Api.Res signIn(String tenant, String username, String password) {
        return api.post(V1 + "/sessions", null, body("tenant", tenant, "username", username, "password", password));
    }

    @Test
    void healthNeedsNoSignIn() {
        JsonNode h = api.get(V1 + "/health", null).expect(200).json();
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("version").asText()).isNotBlank();
    }

    @Test
    void aTrailingSlashRoutesTheSameWayWithoutAToken() {
        assertThat(api.get(V1 + "/health/", null).expect(200).json().get("status").asText()).isEqualTo("ok");
        api.post(V1 + "/sessions/", null, body("tenant", "acme", "username", "agent1", "password", "demo"))
                .expect(201);
        api.get(V1 + "/interactions/", null).expectError(401, "unauthorized", "bearer token");
        assertThat(api.get(V1 + "/interactions/", "acme:agent1").expect(200).json().get("items")).isEmpty();
    }

    @Test
    void anExpiredSessionIs401() {
        api.gw.server().store().saveSession(AuthService.digest("old-token"), "acme:supervisor1",
                Instant.now().minusMillis(1));
        api.send("GET", V1 + "/me", "old-token", null, Map.of()).expectError(401, "unauthorized",
                "missing, unknown or expired bearer token");
        api.gw.server().store().saveSession(AuthService.digest("old-token"), "acme:supervisor1",
                Instant.now().plusSeconds(60));
        api.send("GET", V1 + "/me", "old-token", null, Map.of()).expect(200);
    }

    @Test
    void signInAnswers201WithATokenThatExpiresInTwelveHoursAndTheUser() {
        Instant before = Instant.now();
        Api.Res r = signIn("acme", "supervisor2", "demo").expect(201);
        JsonNode b = r.json();
        assertThat(b.get("token").asText()).hasSizeGreaterThanOrEqualTo(40);
        Instant expires = Instant.parse(b.get("expiresAt").asText());
        assertThat(expires).isBetween(before.plus(Duration.ofHours(12)).minusSeconds(2),
                Instant.now().plus(Duration.ofHours(12)).plusSeconds(1));
        JsonNode user = b.get("user");
        assertThat(user.get("id").asText()).isEqualTo("acme:supervisor2");
        assertThat(user.get("username").asText()).isEqualTo("supervisor2");
        assertThat(user.get("displayName").asText()).isEqualTo("Supervisor Two");
        assertThat(user.get("tenant").asText()).isEqualTo("acme");
        assertThat(user.get("domain").asText()).isEqualTo("support");
        assertThat(user.get("roles")).hasSize(1);
        assertThat(user.get("roles").get(0).asText()).isEqualTo("awa_manager");
        assertThat(b.has("password")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pbkdf2-sha256$many$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$1000$%%$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "pbkdf2-sha256$0$$"})
    void aMalformedStoredPasswordHashIs401NotA500(String stored) {
        User agent3 = api.gw.user("acme", "agent3");
        api.gw.server().store().saveUser(agent3, stored);
        signIn("acme", "agent3", "demo").expectError(401, "unauthorized", "unknown tenant, user name or password");
    }

    @Test
    void everySignInGetsItsOwnToken() {
        String a = signIn("acme", "agent1", "demo").expect(201).json().get("token").asText();
        String b = signIn("acme", "agent1", "demo").expect(201).json().get("token").asText();
        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest
    @CsvSource({"acme,agent1,wrong", "acme,nobody,demo", "nowhere,agent1,demo", "globex,salesagent1,demo",
        "acme,AGENT1,demo", "acme,agent1,DEMO"})
    void aWrongTenantUserOrPasswordIs401WithoutSayingWhich(String tenant, String user, String password) {
        signIn(tenant, user, password).expectError(401, "unauthorized", "unknown tenant, user name or password");
    }

    @Test
    void sixthAttemptAfterFiveFailuresInAMinuteIs429EvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            signIn("acme", "agent2", "guess" + i).expectError(401, "unauthorized", "unknown tenant");
        }
        signIn("acme", "agent2", "demo").expectError(429, "rate_limited", "too many failed sign-ins");
        signIn("acme", "agent2", "nope").expectError(429, "rate_limited", "wait a minute");
        // only that user name of that tenant is held back
        signIn("acme", "agent3", "demo").expect(201);
        signIn("globex", "agent2", "demo").expect(201);
    }

    @Test
    void aSuccessfulSignInClearsTheFailures() {
        for (int i = 0; i < 4; i++) {
            signIn("acme", "agent3", "bad").expect(401);
        }
        signIn("acme", "agent3", "demo").expect(201);
        for (int i = 0; i < 5; i++) {
            signIn("acme", "agent3", "bad").expect(401);
        }
        signIn("acme", "agent3", "demo").expect(429);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\":\"agent1\",\"password\":\"demo\"}",
        "{\"tenant\":\"acme\",\"password\":\"demo\"}", "{\"tenant\":\"acme\",\"username\":\"agent1\"}",
        "{\"tenant\":\" \",\"username\":\"agent1\",\"password\":\"demo\"}", "{}"})
    void missingFieldsAre400NamingThem(String json) {
        api.malformed().post(V1 + "/sessions", null, json).expectError(400, "bad_request",
                "fields 'tenant', 'username' and 'password' are required");
    }

    @Test
    void anEmptyBodyIs400() {
        api.malformed().post(V1 + "/sessions", null, null).expectError(400, "bad_request", "request body is empty");
    }

    @Test
    void meAnswersTheSignedInUser() {
        JsonNode me = api.get(V1 + "/me", "globex:auditor1").expect(200).json();
        assertThat(me.get("id").asText()).isEqualTo("globex:auditor1");
        assertThat(me.get("tenant").asText()).isEqualTo("globex");
        assertThat(me.get("roles").get(0).asText()).isEqualTo("auditor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer ", "Bearer not-a-token", "Basic YWdlbnQxOmRlbW8=", "Token abc"})
    void aMissingOrUnknownTokenIs401(String header) {
        Map<String, String> h = header.isEmpty() ? Map.of() : Map.of("Authorization", header);
        api.send("GET", V1 + "/me", null, null, h).expectError(401, "unauthorized", "sign in again");
    }

    @ParameterizedTest
    @CsvSource({"GET,/me", "DELETE,/sessions/current", "GET,/tenant/settings", "PUT,/tenant/settings",
        "GET,/interactions", "GET,/interactions/x", "GET,/interactions/x/controls", "GET,/interactions/x/transcript",
        "POST,/interactions/x/actions", "POST,/interactions/x/messages", "POST,/help-requests",
        "GET,/help-requests", "GET,/help-requests/x", "POST,/help-requests/x/accept", "POST,/help-requests/x/cancel",
        "POST,/help-requests/x/close", "GET,/actions", "GET,/sessions"})
    void everyEndpointButHealthAndSignInNeedsAToken(String method, String path) {
        // a probe without a token: "{}" stands for any body, and GET /sessions is no operation at all
        api.malformed().send(method, V1 + path, null, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                Map.of()).expectError(401, "unauthorized", "bearer token");
    }

    @Test
    void signingOutStopsThatTokenAtOnceButNotTheUsersOtherSessions() {
        String first = api.gw.signIn("acme", "supervisor1");
        String second = api.gw.signIn("acme", "supervisor1");
        api.send("GET", V1 + "/me", first, null, Map.of()).expect(200);
        Api.Res out = api.send("DELETE", V1 + "/sessions/current", first, null, Map.of());
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.body()).isEmpty();
        api.send("GET", V1 + "/me", first, null, Map.of()).expectError(401, "unauthorized", "sign in again");
        api.send("GET", V1 + "/interactions", first, null, Map.of()).expect(401);
        api.send("DELETE", V1 + "/sessions/current", first, null, Map.of()).expect(401);
        api.send("GET", V1 + "/me", second, null, Map.of()).expect(200);
    }
}
