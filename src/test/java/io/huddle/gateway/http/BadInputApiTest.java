package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Interaction;
import io.huddle.domain.TenantSettings;
import io.huddle.testing.ContractHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad requests are answered 4xx with a JSON reason, never 500, and change nothing. */
class BadInputApiTest {
    @TempDir
    static Path dir;
    static Api api;
    static String ix;
    static Interaction before;

    @BeforeAll
    static void start() {
        api = Api.start(dir);
        ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "COACH").expect(201);
        before = api.gw.server().store().findInteraction(ix).orElseThrow();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Every endpoint with a JSON body, and someone allowed to call it. */
    static final String[][] BODY_ENDPOINTS = {
        {"POST", "/sessions", null},
        {"POST", "/interactions/{ix}/actions", "acme:supervisor1"},
        {"POST", "/interactions/{ix}/messages", "acme:supervisor1"},
        {"POST", "/help-requests", "acme:agent1"},
        {"PUT", "/tenant/settings", "acme:admin1"},
    };

    static Stream<Arguments> bodies() {
        String deep = "{\"text\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        Object[][] cases = {
            {"{\"action\":", "request body is not valid JSON (line 1)"},
            {"{'text': 'single quotes'}", "request body is not valid JSON"},
            {"{\"a\":1}\n{\"b\":2}", "request body is not valid JSON (line 2)"},
            {"[]", "request body must be a JSON object"},
            {"[{\"action\":\"MONITOR\"}]", "request body must be a JSON object"},
            {"null", "request body must be a JSON object"},
            {"\"MONITOR\"", "request body must be a JSON object"},
            {"42", "request body must be a JSON object"},
            {" ", "request body must be a JSON object"},
            {deep, "request body"},
        };
        List<Arguments> out = new ArrayList<>();
        for (String[] e : BODY_ENDPOINTS) {
            for (Object[] c : cases) {
                out.add(Arguments.of(e[0], e[1], e[2], c[0], c[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {4}")
    @MethodSource("bodies")
    void aBodyThatIsNotOneJsonObjectIs400(String method, String path, String who, String json, String message) {
        api.malformed().send(method, V1 + path.replace("{ix}", ix), who == null ? null : api.token(who), json,
                Map.of()).expectError(400, "bad_request", message);
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/interactions/{ix}/actions|{\"action\":\"JUMP\"}|field 'action' has an invalid value 'JUMP': expected one of MONITOR, COACH, BARGE_IN, DISCONNECT",
        "/interactions/{ix}/actions|{\"action\":7}|field 'action' has an invalid value '7': expected one of MONITOR, COACH, BARGE_IN, DISCONNECT",
        "/interactions/{ix}/actions|{\"action\":{}}|field 'action' has the wrong type or format",
        "/interactions/{ix}/actions|{}|field 'action' is required",
        "/interactions/{ix}/actions|{\"action\":null}|field 'action' is required",
        "/interactions/{ix}/messages|{}|field 'text' is required",
        "/interactions/{ix}/messages|{\"text\":[\"a\"]}|field 'text' has the wrong type or format",
        "/help-requests|{\"reason\":\"x\"}|field 'interactionId' is required",
        "/help-requests|{\"interactionId\":\"{ix}\"}|field 'reason' is required",
        "/help-requests|{\"interactionId\":[1],\"reason\":\"x\"}|field 'interactionId' has the wrong type",
        "/sessions|{\"tenant\":\"acme\",\"username\":\"agent1\"}|fields 'tenant', 'username' and 'password' are required",
        "/sessions|{\"tenant\":\"acme\",\"username\":\"agent1\",\"password\":{}}|field 'password' has the wrong type"})
    void wrongOrMissingFieldsAre400NamingTheField(String path, String json, String message) {
        String who = path.startsWith("/help-requests") ? "acme:agent1" : "acme:supervisor1";
        api.malformed().send("POST", V1 + path.replace("{ix}", ix), path.equals("/sessions") ? null : api.token(who),
                json.replace("{ix}", ix), Map.of()).expectError(400, "bad_request", message);
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyEndpoints")
    void aBodyOver64KibIs413(String method, String path, String who) {
        String big = body("text", "x".repeat(64 * 1024));
        api.malformed().send(method, V1 + path.replace("{ix}", ix), who == null ? null : api.token(who), big, Map.of())
                .expectError(413, "too_large", "request body is larger than 64 KiB");
        assertNothingChanged();
    }

    static Stream<Arguments> bodyEndpoints() {
        return Stream.of(BODY_ENDPOINTS).map(e -> Arguments.of((Object[]) e));
    }

    @Test
    void exactly64KibIsReadAndJudgedOnItsContent() {
        String prefix = "{\"text\":\"";
        String exact = prefix + "x".repeat(64 * 1024 - prefix.length() - 2) + "\"}";
        assertThat(exact).hasSize(64 * 1024);
        api.malformed().post(V1 + "/interactions/" + ix + "/messages", "acme:supervisor1", exact)
                .expectError(400, "bad_request", "field 'text' is longer than 2000 characters");
        api.malformed().post(V1 + "/interactions/" + ix + "/messages", "acme:supervisor1", exact.replaceFirst("x\"", "xy\""))
                .expectError(413, "too_large", "64 KiB");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET|/interactions/ix-nope|acme:supervisor1||interaction 'ix-nope' not found",
        "GET|/interactions/ix-nope/controls|acme:supervisor1||interaction 'ix-nope' not found",
        "GET|/interactions/ix-nope/transcript|acme:agent1||interaction 'ix-nope' not found",
        "POST|/interactions/ix-nope/actions|acme:supervisor1|{\"action\":\"MONITOR\"}|interaction 'ix-nope' not found",
        "POST|/interactions/ix-nope/messages|acme:supervisor1|{\"text\":\"hi\"}|interaction 'ix-nope' not found",
        "POST|/help-requests|acme:agent1|{\"interactionId\":\"ix-nope\",\"reason\":\"x\"}|interaction 'ix-nope' not found",
        "GET|/help-requests/hr-nope|acme:auditor1||help request 'hr-nope' not found",
        "POST|/help-requests/hr-nope/accept|acme:supervisor1||help request 'hr-nope' not found",
        "POST|/help-requests/hr-nope/cancel|acme:agent1||help request 'hr-nope' not found",
        "POST|/help-requests/hr-nope/close|acme:agent1||help request 'hr-nope' not found",
        "GET|/interactions/%E2%9C%93|acme:supervisor1||interaction '✓' not found"})
    void unknownIdsAre404(String method, String path, String who, String json, String message) {
        api.send(method, V1 + path, api.token(who), json, Map.of()).expectError(404, "not_found", message);
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET,/api/v1/nope", "POST,/api/v1/interactions", "DELETE,/api/v1/interactions/x", "PATCH,/api/v1/me",
        "GET,/api/v1/help-requests/x/accept", "GET,/api/v2/interactions", "GET,/"})
    void unknownRoutesAre404JsonOnceSignedIn(String method, String path) {
        Api.Res r = api.malformed().send(method, path, api.token("acme:supervisor1"), method.equals("GET") ? null : "{}",
                Map.of());
        r.expectError(404, "not_found", path);
        assertNothingChanged();
    }

    @Test
    void underTheApiAnUnknownRouteStillAsksForSignInFirst() {
        api.malformed().get(V1 + "/nope", null).expectError(401, "unauthorized", "bearer token");
    }

    @Test
    void bytesThatAreNotUtf8Are400() {
        byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        var r = ContractHttp.send(java.net.http.HttpClient.newHttpClient(), java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api.gw.baseUrl() + V1 + "/interactions/" + ix + "/messages"))
                .header("Authorization", "Bearer " + api.token("acme:supervisor1"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bad)).build(), null, false);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"error\":\"bad_request\"", "not valid JSON");
        assertNothingChanged();
    }

    /** The floor and the store are as the setup left them: one coach action, no help request, no new line. */
    private static void assertNothingChanged() {
        var store = api.gw.server().store();
        assertThat(store.findInteraction(ix)).contains(before);
        assertThat(store.openHelpRequests()).isEmpty();
        assertThat(api.get(V1 + "/actions", "acme:auditor1").json().get("items")).hasSize(1);
        assertThat(api.get(V1 + "/interactions/" + ix + "/transcript", "acme:agent1").json().get("items")).hasSize(1);
        assertThat(store.tenantSettings("acme")).contains(TenantSettings.defaults("acme"));
    }
}
