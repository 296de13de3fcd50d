package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.AdminChangeQuery;
import io.huddle.testing.OidcProviderStandIn;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single sign-on end to end: the app's code flow with PKCE through the real gateway to a real OpenID provider. */
class SsoApiTest {
    static final String CLIENT = "huddle-console";
    static final String ADMIN = "acme:admin1";

    @TempDir
    static Path dir;
    static Api api;
    static OidcProviderStandIn idp;

    @BeforeAll
    static void start() {
        idp = new OidcProviderStandIn();
        api = Api.start(dir);
    }

    @AfterAll
    static void stop() {
        api.close();
        idp.close();
    }

    /** The tenant trusts the provider and maps its groups (the settings of docs/identity.md's example). */
    static void trust(String admin, String issuer, boolean create) {
        api.put(V1 + "/admin/identity", admin, body("localSignIn", true,
                "oidc", Map.of("displayName", "Test IdP", "issuer", issuer, "clientId", CLIENT,
                        "scopes", List.of("openid", "profile")),
                "createOnFirstSignIn", create,
                "groupMappings", List.of(
                        Map.of("group", "Huddle Supervisors", "roles", List.of("awa_manager"), "domain", "support"),
                        Map.of("group", "Huddle Agents", "roles", List.of("awa_agent"), "domain", "support"),
                        mapping("Huddle Admins", "admin")))).expect(200);
    }

    static Map<String, Object> mapping(String group, String role) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("group", group);
        m.put("roles", List.of(role));
        m.put("domain", null);
        return m;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static Api.Res me(String token) {
        return api.send("GET", V1 + "/me", token, null, Map.of());
    }

    @Test
    void theCodeFlowWithPkceLinksAnExistingUserByNameAndThenBySubject() {
        trust(ADMIN, idp.issuer(), false);
        String subject = unique("sub-");
        idp.nextSignIn(subject, Map.of("preferred_username", "agent1", "groups", List.of("Huddle Supervisors")));
        Api.Res session = SsoFlow.finish(api, SsoFlow.authorize(api, "acme")).expect(201);
        assertThat(session.json().path("user").path("id").asText()).isEqualTo("acme:agent1");
        assertThat(session.json().path("expiresAt").asText()).isNotEmpty();
        Api.Res who = me(session.json().get("token").asText()).expect(200);
        assertThat(who.json().get("id").asText()).isEqualTo("acme:agent1");
        // a user an administrator made keeps their roles, whatever the groups say
        assertThat(api.gw.user("acme", "agent1").roles()).containsExactly(Role.AWA_AGENT);
        assertThat(api.gw.server().store().userLink("acme", idp.issuer(), subject)).get()
                .satisfies(l -> assertThat(l.userId()).isEqualTo("acme:agent1"));

        // the subject decides from now on, even when the provider's user name changes
        idp.nextSignIn(subject, Map.of("preferred_username", "someone-else"));
        Api.Res again = SsoFlow.finish(api, SsoFlow.authorize(api, "acme")).expect(201);
        assertThat(again.json().path("user").path("id").asText()).isEqualTo("acme:agent1");

        // another person at the provider with the same user name cannot take the linked user over
        idp.nextSignIn(unique("sub-"), Map.of("preferred_username", "agent1"));
        SsoFlow.finish(api, SsoFlow.authorize(api, "acme"))
                .expectError(403, "forbidden", "'agent1'", "belongs to another account at Test IdP");
    }

    @Test
    void aFirstSignInCreatesTheUserWithTheRolesAndDomainOfTheirGroups() {
        trust(ADMIN, idp.issuer(), true);
        String name = unique("new-");
        String subject = unique("sub-");
        idp.nextSignIn(subject, Map.of("preferred_username", name, "name", "New Person",
                "groups", List.of("Huddle Admins", "Huddle Supervisors", "Elsewhere")));
        Api.Res session = SsoFlow.finish(api, SsoFlow.authorize(api, "acme")).expect(201);
        User made = api.gw.user("acme", name);
        assertThat(made.id()).isEqualTo("acme:" + name);
        assertThat(made.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.AWA_MANAGER);
        assertThat(made.domain()).isEqualTo("support");
        assertThat(made.displayName()).isEqualTo("New Person");
        assertThat(made.platformUserId()).isNull();
        assertThat(api.gw.server().store().passwordHash(made.id())).isEmpty();
        me(session.json().get("token").asText()).expect(200);
        var changes = api.gw.server().store().searchAdminChanges(new AdminChangeQuery("acme", null, "user.create",
                made.id(), null, null, 10, null)).items();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.actorId()).isEqualTo("oidc:" + idp.issuer());
            assertThat(c.detail()).contains("awa_manager").contains("support");
        });

        // a user single sign-on made follows their groups at every sign-in
        idp.nextSignIn(subject, Map.of("preferred_username", name, "groups", List.of("Huddle Agents")));
        SsoFlow.finish(api, SsoFlow.authorize(api, "acme")).expect(201);
        assertThat(api.gw.user("acme", name).roles()).containsExactly(Role.AWA_AGENT);

        // and is refused once no group gives them a role
        idp.nextSignIn(subject, Map.of("preferred_username", name, "groups", List.of("Elsewhere")));
        SsoFlow.finish(api, SsoFlow.authorize(api, "acme")).expectError(403, "forbidden",
                "is in none of the groups", "Huddle Supervisors, Huddle Agents, Huddle Admins");
    }

    @Test
    void someoneInNoMappedGroupIsRefusedAndNotCreated() {
        trust(ADMIN, idp.issuer(), true);
        String name = unique("nogroup-");
        idp.nextSignIn(unique("sub-"), Map.of("preferred_username", name, "groups", List.of("Cafeteria")));
        SsoFlow.finish(api, SsoFlow.authorize(api, "acme")).expectError(403, "forbidden",
                "'" + name + "' is in none of the groups that give a role in Huddle",
                "Huddle Supervisors, Huddle Agents, Huddle Admins", "ask an administrator");
        assertThat(api.gw.server().store().findUser("acme", name)).isEmpty();
    }

    @Test
    void anUnknownPersonIsRefusedWhereTheTenantDoesNotCreatePeople() {
        trust("globex:admin1", idp.issuer(), false);
        String name = unique("stranger-");
        idp.nextSignIn(unique("sub-"), Map.of("preferred_username", name, "groups", List.of("Huddle Agents")));
        SsoFlow.finish(api, SsoFlow.authorize(api, "globex")).expectError(403, "forbidden",
                "'" + name + "' is not a Huddle user of tenant 'globex': ask an administrator");
        assertThat(api.gw.server().store().findUser("globex", name)).isEmpty();
    }

    @Test
    void aDisabledUserIsRefused() {
        trust("globex:admin1", idp.issuer(), false);
        User agent = api.gw.user("globex", "agent3");
        String hash = api.gw.server().store().passwordHash(agent.id()).orElse(null);
        api.gw.server().store().saveUser(agent.withActive(false), hash);
        idp.nextSignIn(unique("sub-"), Map.of("preferred_username", "agent3"));
        SsoFlow.finish(api, SsoFlow.authorize(api, "globex")).expectError(403, "forbidden", "disabled");
    }

    @Test
    void aStateIsTakenOnce() {
        trust(ADMIN, idp.issuer(), false);
        idp.nextSignIn(unique("sub-"), Map.of("preferred_username", "agent2"));
        SsoFlow.Authorized a = SsoFlow.authorize(api, "acme");
        SsoFlow.finish(api, a).expect(201);
        SsoFlow.finish(api, a).expectError(400, "bad_request", "this sign-in was already used or has expired");
        SsoFlow.finish(api, "made-up-state", a.code(), a.verifier()).expectError(400, "bad_request",
                "already used or has expired");
    }

    @Test
    void aWrongVerifierIsRefusedByTheProvider() {
        trust(ADMIN, idp.issuer(), false);
        idp.nextSignIn(unique("sub-"), Map.of("preferred_username", "agent2"));
        SsoFlow.Authorized a = SsoFlow.authorize(api, "acme");
        SsoFlow.finish(api, a.state(), a.code(), SsoFlow.verifier()).expectError(401, "unauthorized",
                "the identity provider refused the code");
    }

    @Test
    void aTokenSignedByAnotherKeyFailsTheSignatureCheck() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID(OidcProviderStandIn.KEY_ID).generate();
        refusedWith(a -> claims(a, CLIENT, Instant.now().plusSeconds(600)), forger, "the ID token failed the"
                + " signature check");
    }

    @Test
    void aTokenWithAnUnknownKeyIdFailsTheSignatureCheck() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("made-up").generate();
        refusedWith(a -> claims(a, CLIENT, Instant.now().plusSeconds(600)), forger, "signature check");
    }

    @Test
    void anExpiredTokenFailsTheExpiryCheck() {
        refusedWith(a -> claims(a, CLIENT, Instant.now().minusSeconds(3600)), idp.signingKey(),
                "the ID token failed the expiry check");
    }

    @Test
    void aTokenForAnotherClientFailsTheAudienceCheck() {
        refusedWith(a -> claims(a, "another-app", Instant.now().plusSeconds(600)), idp.signingKey(),
                "the ID token failed the audience check");
    }

    @Test
    void aTokenOfAnotherSignInFailsTheNonceCheck() {
        refusedWith(a -> claims(new SsoFlow.Authorized(a.state(), a.code(), a.verifier(), "another-nonce"), CLIENT,
                Instant.now().plusSeconds(600)), idp.signingKey(), "the ID token failed the nonce check");
    }

    /** A sign-in whose token endpoint answers a token of the test's making is refused with 401 and the check. */
    private static void refusedWith(java.util.function.Function<SsoFlow.Authorized, JWTClaimsSet> claims,
                                    RSAKey signer, String message) {
        trust(ADMIN, idp.issuer(), true);
        SsoFlow.Authorized a = SsoFlow.authorize(api, "acme");
        idp.answerNextTokenRequestWith(claims.apply(a), signer);
        SsoFlow.finish(api, a).expectError(401, "unauthorized", message);
        assertThat(api.gw.server().store().findUser("acme", "forged")).isEmpty();
    }

    private static JWTClaimsSet claims(SsoFlow.Authorized a, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder().issuer(idp.issuer()).audience(audience).subject("forged-subject")
                .claim("nonce", a.nonce()).claim("preferred_username", "forged")
                .claim("groups", List.of("Huddle Admins"))
                .issueTime(Date.from(expiry.minusSeconds(3600))).expirationTime(Date.from(expiry)).build();
    }

    @Test
    void signInOptionsNeedNoSignIn() {
        trust(ADMIN, idp.issuer(), false);
        Api.Res acme = api.get(V1 + "/sign-in-options?tenant=acme", null).expect(200);
        assertThat(acme.json().get("localSignIn").asBoolean()).isTrue();
        assertThat(acme.json().path("sso").path("displayName").asText()).isEqualTo("Test IdP");
        Api.Res unknown = api.get(V1 + "/sign-in-options?tenant=nobody", null).expect(200);
        assertThat(unknown.json().get("sso").isNull()).isTrue();
        assertThat(unknown.json().get("localSignIn").asBoolean()).isTrue();
        SsoFlow.start(api, "nobody", SsoFlow.verifier()).expectError(400, "bad_request",
                "tenant 'nobody' does not use single sign-on");
    }

    @Test
    void onlyALoopbackRedirectAndAnS256ChallengeAreAccepted() {
        trust(ADMIN, idp.issuer(), false);
        String challenge = SsoFlow.challenge(SsoFlow.verifier());
        for (String redirect : List.of("https://evil.example/callback", "http://localhost:4000/cb",
                "http://127.0.0.1/cb")) {
            api.post(V1 + "/sso/start", null, body("tenant", "acme", "redirectUri", redirect,
                    "codeChallenge", challenge, "codeChallengeMethod", "S256"))
                    .expectError(400, "bad_request", "field 'redirectUri' must be http://127.0.0.1:<port>/…");
        }
        api.malformed().post(V1 + "/sso/start", null, body("tenant", "acme", "redirectUri", SsoFlow.REDIRECT,
                "codeChallenge", challenge, "codeChallengeMethod", "plain"))
                .expectError(400, "bad_request", "codeChallengeMethod");
    }

    @Test
    void anUnreachableProviderAnswers502() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        trust("globex:admin1", "http://127.0.0.1:" + closed + "/nowhere", false);
        SsoFlow.start(api, "globex", SsoFlow.verifier()).expectError(502, "identity_provider_error",
                "the identity provider http://127.0.0.1:" + closed + "/nowhere cannot be reached");
    }

    @Test
    void aSilentProviderAnswers504() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) { // accepts (backlog), never answers
            trust("globex:admin1", "http://127.0.0.1:" + silent.getLocalPort() + "/silent", false);
            SsoFlow.start(api, "globex", SsoFlow.verifier()).expectError(504, "identity_provider_timeout",
                    "did not answer its discovery document within 5 s");
        }
    }
}
