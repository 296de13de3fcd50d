package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.User;
import io.huddle.gateway.auth.PasswordHasher;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No cache may keep an answer: sign-in's holds a bearer token, the others a user's view of the floor. */
class NoStoreApiTest extends ApiTest {
    private static Api.Res assertNoStore(Api.Res r) {
        assertThat(r.header("Cache-Control")).as("Cache-Control of a %s answer", r.status()).isEqualTo("no-store");
        assertThat(r.header("Pragma")).as("Pragma of a %s answer", r.status()).isEqualTo("no-cache");
        return r;
    }

    @Test
    void theSignInAnswerWithItsTokenIsNeverStored() {
        Api.Res r = api.post(V1 + "/sessions", null, body("tenant", "acme", "username", "agent1", "password", "demo"))
                .expect(201);
        assertThat(r.json().get("token").asText()).isNotBlank();
        assertNoStore(r);
    }

    @Test
    void aTrailingSlashOnSignInChangesNothing() {
        assertNoStore(api.post(V1 + "/sessions/", null,
                body("tenant", "acme", "username", "agent1", "password", "demo")).expect(201));
    }

    @ParameterizedTest
    @CsvSource({"wrong,401", "demo,403"})
    void aRefusedSignInIsNeverStoredEither(String password, int status) {
        if (status == 403) {
            User agent3 = api.gw.user("acme", "agent3");
            api.gw.server().store().saveUser(new User(agent3.id(), agent3.tenant(), agent3.domain(),
                    agent3.username(), agent3.displayName(), Set.of()), new PasswordHasher(1_000).hash(
                    "demo".toCharArray()));
        }
        assertNoStore(api.post(V1 + "/sessions", null,
                body("tenant", "acme", "username", "agent3", "password", password)).expect(status));
    }

    @Test
    void whatASignedInUserReadsIsNeverStored() {
        String ix = api.interaction("acme:agent1");
        assertNoStore(api.get(V1 + "/me", "acme:supervisor1").expect(200));
        assertNoStore(api.get(V1 + "/interactions", "acme:supervisor1").expect(200));
        assertNoStore(api.get(V1 + "/interactions/" + ix + "/transcript", "acme:agent1").expect(200));
        assertNoStore(api.get(V1 + "/help-requests", "acme:auditor1").expect(200));
        assertNoStore(api.send("GET", V1 + "/actions", api.token("acme:supervisor1"), null,
                Map.of("Accept", "text/csv")).expect(200));
    }

    @Test
    void errorsAreNeverStored() {
        assertNoStore(api.get(V1 + "/me", null).expect(401));
        assertNoStore(api.get(V1 + "/interactions/nope", "acme:supervisor1").expect(404));
        assertNoStore(api.get(V1 + "/actions", "acme:agent1").expect(403));
        assertNoStore(api.get(V1 + "/health", null).expect(200));
    }
}
