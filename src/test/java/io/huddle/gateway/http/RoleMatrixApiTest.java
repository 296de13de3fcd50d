package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.HelpRequestStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each role against each function: the status, and for a refusal the reason and that nothing changed. */
class RoleMatrixApiTest {
    static final String MANAGER = "acme:supervisor1";
    static final String AGENT = "acme:agent1";
    static final String AUDITOR = "acme:auditor1";
    static final String ADMIN = "acme:admin1";
    static final Map<String, String> ROLE = Map.of(MANAGER, "awa_manager", AGENT, "awa_agent", AUDITOR, "auditor",
            ADMIN, "admin");

    static final java.util.concurrent.atomic.AtomicInteger NAMES = new java.util.concurrent.atomic.AtomicInteger();

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

    /** One function of the API: sets up what it needs with the right people, then calls it as {@code who}. */
    enum Function {
        RAISE_HELP("raising a help request requires the awa_agent role"),
        CANCEL_HELP("cancelling a help request requires the awa_agent role"),
        CLOSE_HELP("closing a help request requires the awa_agent role"),
        ACCEPT_HELP("accepting a help request requires the awa_manager role"),
        ACT("monitoring, coaching or barging in requires the awa_manager role"),
        SEND_MESSAGE("sending coach or barge messages requires the awa_manager role"),
        AUDIT_SEARCH("audit search requires the awa_manager or auditor role"),
        AUDIT_CSV("audit search requires the awa_manager or auditor role"),
        CHANGE_SETTINGS("changing tenant settings requires the admin role"),
        READ_SETTINGS(null),
        READ_IDENTITY("reading identity settings requires the admin role"),
        CHANGE_IDENTITY("changing identity settings requires the admin role"),
        LIST_INTERACTIONS(null),
        VIEW_CONTROLS(null),
        LIST_HELP_REQUESTS(null),
        ADMIN_LIST_DOMAINS("administration requires the admin role"),
        ADMIN_CREATE_DOMAIN("administration requires the admin role"),
        ADMIN_LIST_USERS("administration requires the admin role"),
        ADMIN_GET_USER("administration requires the admin role"),
        ADMIN_CREATE_USER("administration requires the admin role"),
        ADMIN_UPDATE_USER("administration requires the admin role"),
        ADMIN_AUDIT("administration requires the admin role"),
        ADMIN_AUDIT_CSV("administration requires the admin role"),
        MAKE_SCIM_TOKEN("managing SCIM tokens requires the admin role"),
        LIST_SCIM_TOKENS("managing SCIM tokens requires the admin role"),
        REVOKE_SCIM_TOKEN("managing SCIM tokens requires the admin role");

        final String refusal;

        Function(String refusal) {
            this.refusal = refusal;
        }

        /** Calls the function as {@code who} and checks what it changed (or that it changed nothing). */
        void check(String who, int expected) {
            String ix = api.interaction(AGENT);
            Api.Res r = switch (this) {
                case RAISE_HELP -> {
                    Api.Res res = api.raise(who, ix);
                    assertThat(openRequest(ix)).isEqualTo(expected == 201);
                    yield res;
                }
                case CANCEL_HELP, CLOSE_HELP -> {
                    String hr = api.raised(AGENT, ix);
                    if (this == CLOSE_HELP) {
                        api.accept(MANAGER, hr).expect(200);
                    }
                    HelpRequestStatus before = status(hr);
                    Api.Res res = api.post(V1 + "/help-requests/" + hr + (this == CANCEL_HELP ? "/cancel" : "/close"),
                            who, null);
                    assertThat(status(hr)).isEqualTo(expected == 200
                            ? (this == CANCEL_HELP ? HelpRequestStatus.CANCELLED : HelpRequestStatus.CLOSED) : before);
                    yield res;
                }
                case ACCEPT_HELP -> {
                    String hr = api.raised(AGENT, ix);
                    Api.Res res = api.accept(who, hr);
                    assertThat(status(hr)).isEqualTo(expected == 200 ? HelpRequestStatus.IN_PROGRESS
                            : HelpRequestStatus.PENDING);
                    yield res;
                }
                case ACT -> {
                    Api.Res res = api.act(who, ix, "MONITOR");
                    assertThat(actionsOn(ix)).isEqualTo(expected == 201 ? 1 : 0);
                    yield res;
                }
                case SEND_MESSAGE -> {
                    api.act(MANAGER, ix, "BARGE_IN").expect(201);
                    int before = transcriptOf(ix);
                    Api.Res res = api.message(who, ix, "hello");
                    assertThat(transcriptOf(ix)).isEqualTo(before + (expected == 201 ? 1 : 0));
                    yield res;
                }
                case AUDIT_SEARCH -> api.get(V1 + "/actions", who);
                case AUDIT_CSV -> api.send("GET", V1 + "/actions", api.token(who), null, Map.of("Accept", "text/csv"));
                case CHANGE_SETTINGS -> api.put(V1 + "/tenant/settings", who, body("storeMessageText", false));
                case READ_SETTINGS -> api.get(V1 + "/tenant/settings", who);
                case READ_IDENTITY -> {
                    Api.Res res = api.get(V1 + "/admin/identity", who);
                    assertThat(res.body().contains("groupMappings")).as("settings in the answer").isEqualTo(expected == 200);
                    yield res;
                }
                case CHANGE_IDENTITY -> {
                    boolean before = identity().createOnFirstSignIn();
                    Api.Res res = api.put(V1 + "/admin/identity", who, body("createOnFirstSignIn", !before));
                    assertThat(identity().createOnFirstSignIn()).isEqualTo(expected == 200 ? !before : before);
                    yield res;
                }
                case LIST_INTERACTIONS -> {
                    Api.Res res = api.get(V1 + "/interactions", who);
                    assertThat(res.body()).contains(ix);
                    yield res;
                }
                case VIEW_CONTROLS -> api.get(V1 + "/interactions/" + ix + "/controls", who);
                case LIST_HELP_REQUESTS -> api.get(V1 + "/help-requests", who);
                case ADMIN_LIST_DOMAINS -> api.get(V1 + "/admin/domains", who);
                case ADMIN_CREATE_DOMAIN -> {
                    String name = "team-" + NAMES.incrementAndGet();
                    Api.Res res = api.post(V1 + "/admin/domains", who, body("name", name));
                    assertThat(api.gw.server().store().domains("acme").stream().anyMatch(d -> d.name().equals(name)))
                            .as("domain %s made", name).isEqualTo(expected == 201);
                    yield res;
                }
                case ADMIN_LIST_USERS -> api.get(V1 + "/admin/users", who);
                case ADMIN_GET_USER -> api.get(V1 + "/admin/users/" + AGENT, who);
                case ADMIN_CREATE_USER -> {
                    String name = "person-" + NAMES.incrementAndGet();
                    Api.Res res = api.post(V1 + "/admin/users", who, body("username", name, "domain", "support",
                            "roles", List.of("awa_agent")));
                    assertThat(api.gw.server().store().findUser("acme", name).isPresent()).isEqualTo(expected == 201);
                    yield res;
                }
                case ADMIN_UPDATE_USER -> {
                    String name = "Agent " + NAMES.incrementAndGet();
                    Api.Res res = api.send("PATCH", V1 + "/admin/users/acme:agent3", api.token(who),
                            body("displayName", name), Map.of());
                    assertThat(api.gw.user("acme", "agent3").displayName().equals(name)).isEqualTo(expected == 200);
                    yield res;
                }
                case ADMIN_AUDIT -> api.get(V1 + "/admin/audit", who);
                case ADMIN_AUDIT_CSV -> api.send("GET", V1 + "/admin/audit", api.token(who), null,
                        Map.of("Accept", "text/csv"));
                case MAKE_SCIM_TOKEN -> {
                    int before = scimTokens();
                    Api.Res res = api.post(V1 + "/admin/scim-tokens", who, body("name", "Okta"));
                    assertThat(scimTokens()).isEqualTo(before + (expected == 201 ? 1 : 0));
                    yield res;
                }
                case LIST_SCIM_TOKENS -> api.get(V1 + "/admin/scim-tokens", who);
                case REVOKE_SCIM_TOKEN -> {
                    String id = api.post(V1 + "/admin/scim-tokens", ADMIN, body("name", "Entra")).expect(201)
                            .json().get("id").asText();
                    Api.Res res = api.send("DELETE", V1 + "/admin/scim-tokens/" + id, api.token(who), null, Map.of());
                    assertThat(api.gw.server().store().scim().tokens("acme").stream()
                            .anyMatch(t -> t.id().equals(id))).isEqualTo(expected != 204);
                    yield res;
                }
            };
            if (expected == 403) {
                r.expectError(403, "forbidden", refusal);
            } else {
                r.expect(expected);
            }
        }
    }

    static io.huddle.domain.IdentitySettings identity() {
        return api.gw.server().store().identitySettings("acme")
                .orElse(io.huddle.domain.IdentitySettings.defaults("acme"));
    }

    static boolean openRequest(String ix) {
        return api.gw.server().floorReads().openRequestOn("acme", ix) != null;
    }

    static HelpRequestStatus status(String hr) {
        return api.gw.server().store().findHelpRequest(hr).orElseThrow().status();
    }

    static int scimTokens() {
        return api.gw.server().store().scim().tokens("acme").size();
    }

    static int actionsOn(String ix) {
        return api.get(V1 + "/actions?interactionId=" + ix, AUDITOR).expect(200).json().get("items").size();
    }

    static int transcriptOf(String ix) {
        return api.get(V1 + "/interactions/" + ix + "/transcript", AUDITOR).expect(200).json().get("items").size();
    }

    /** The expected status of every role for every function. */
    static Stream<Arguments> matrix() {
        Object[][] rows = {
            //                     awa_manager awa_agent auditor admin
            {Function.RAISE_HELP, 403, 201, 403, 403},
            {Function.CANCEL_HELP, 403, 200, 403, 403},
            {Function.CLOSE_HELP, 403, 200, 403, 403},
            {Function.ACCEPT_HELP, 200, 403, 403, 403},
            {Function.ACT, 201, 403, 403, 403},
            {Function.SEND_MESSAGE, 201, 403, 403, 403},
            {Function.AUDIT_SEARCH, 200, 403, 200, 403},
            {Function.AUDIT_CSV, 200, 403, 200, 403},
            {Function.CHANGE_SETTINGS, 403, 403, 403, 200},
            {Function.READ_SETTINGS, 200, 200, 200, 200},
            {Function.READ_IDENTITY, 403, 403, 403, 200},
            {Function.CHANGE_IDENTITY, 403, 403, 403, 200},
            {Function.LIST_INTERACTIONS, 200, 200, 200, 200},
            {Function.VIEW_CONTROLS, 200, 200, 200, 200},
            {Function.LIST_HELP_REQUESTS, 200, 200, 200, 200},
            {Function.ADMIN_LIST_DOMAINS, 403, 403, 403, 200},
            {Function.ADMIN_CREATE_DOMAIN, 403, 403, 403, 201},
            {Function.ADMIN_LIST_USERS, 403, 403, 403, 200},
            {Function.ADMIN_GET_USER, 403, 403, 403, 200},
            {Function.ADMIN_CREATE_USER, 403, 403, 403, 201},
            {Function.ADMIN_UPDATE_USER, 403, 403, 403, 200},
            {Function.ADMIN_AUDIT, 403, 403, 403, 200},
            {Function.ADMIN_AUDIT_CSV, 403, 403, 403, 200},
            {Function.MAKE_SCIM_TOKEN, 403, 403, 403, 201},
            {Function.LIST_SCIM_TOKENS, 403, 403, 403, 200},
            {Function.REVOKE_SCIM_TOKEN, 403, 403, 403, 204},
        };
        List<String> people = List.of(MANAGER, AGENT, AUDITOR, ADMIN);
        List<Arguments> out = new ArrayList<>();
        for (Object[] row : rows) {
            for (int i = 0; i < people.size(); i++) {
                out.add(Arguments.of(row[0], ROLE.get(people.get(i)), people.get(i), row[i + 1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} by {1} -> {3}")
    @MethodSource("matrix")
    void roleByFunction(Function function, String role, String who, int expected) {
        function.check(who, expected);
    }
}
