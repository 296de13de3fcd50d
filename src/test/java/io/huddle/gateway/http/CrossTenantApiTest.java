package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.User;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing crosses a tenant or a domain, and an agent sees only their own work: every endpoint that takes an
 * id answers an outsider (with the right role for it) exactly as it answers an unknown id, 404, never 403.
 */
class CrossTenantApiTest {
    @TempDir
    static Path dir;
    static Api api;
    static String ix;
    static String hr;
    static Interaction ixBefore;
    static HelpRequest hrBefore;

    @BeforeAll
    static void start() {
        api = Api.start(dir);
        ix = api.interaction("acme:agent1");
        hr = api.raised("acme:agent1", ix);
        ixBefore = api.gw.server().store().findInteraction(ix).orElseThrow();
        hrBefore = api.gw.server().store().findHelpRequest(hr).orElseThrow();
        // something on every floor, so the lists below have rows to leak
        for (String agent : List.of("acme:agent2", "acme:salesagent1", "globex:agent1", "globex:agent2")) {
            String other = api.interaction(agent);
            api.raised(agent, other);
        }
        String acme3 = api.interaction("acme:agent3");
        api.act("acme:supervisor2", acme3, "MONITOR").expect(201);
        api.raised("acme:agent3", acme3);
        api.act("acme:salessupervisor1", api.interaction("acme:salesagent1"), "COACH").expect(201);
        String globex3 = api.interaction("globex:agent3");
        api.act("globex:supervisor1", globex3, "BARGE_IN").expect(201);
        api.raised("globex:agent3", globex3);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static final List<String> OUTSIDERS = List.of("globex:supervisor1", "globex:agent1", "globex:auditor1",
            "globex:admin1", "acme:salessupervisor1", "acme:salesagent1");
    private static final List<String> OUTSIDE_SUPERVISORS = List.of("globex:supervisor1", "globex:supervisor2",
            "acme:salessupervisor1");
    private static final List<String> OUTSIDE_AGENTS = List.of("globex:agent1", "acme:salesagent1", "acme:agent2",
            "acme:agent3");

    static Stream<Arguments> outsiderCalls() {
        List<Arguments> out = new ArrayList<>();
        for (String who : OUTSIDERS) {
            out.add(Arguments.of(who, "GET", "/interactions/{ix}", null, "interaction"));
            out.add(Arguments.of(who, "GET", "/interactions/{ix}/controls", null, "interaction"));
            out.add(Arguments.of(who, "GET", "/interactions/{ix}/transcript", null, "interaction"));
            out.add(Arguments.of(who, "GET", "/help-requests/{hr}", null, "help request"));
        }
        for (String who : List.of("acme:agent2", "acme:agent3")) {
            out.add(Arguments.of(who, "GET", "/interactions/{ix}", null, "interaction"));
            out.add(Arguments.of(who, "GET", "/interactions/{ix}/controls", null, "interaction"));
            out.add(Arguments.of(who, "GET", "/interactions/{ix}/transcript", null, "interaction"));
            out.add(Arguments.of(who, "GET", "/help-requests/{hr}", null, "help request"));
        }
        for (String who : OUTSIDE_SUPERVISORS) {
            out.add(Arguments.of(who, "POST", "/interactions/{ix}/actions", body("action", "MONITOR"), "interaction"));
            out.add(Arguments.of(who, "POST", "/interactions/{ix}/messages", body("text", "hi"), "interaction"));
            out.add(Arguments.of(who, "POST", "/help-requests/{hr}/accept", null, "help request"));
        }
        for (String who : OUTSIDE_AGENTS) {
            out.add(Arguments.of(who, "POST", "/help-requests/{hr}/cancel", null, "help request"));
            out.add(Arguments.of(who, "POST", "/help-requests/{hr}/close", null, "help request"));
            out.add(Arguments.of(who, "POST", "/help-requests", body("interactionId", "{ix}", "reason", "x"),
                    "interaction"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outsiderCalls")
    void anOutsiderGetsTheSame404AsForAnUnknownId(String who, String method, String template, String json,
                                                  String what) {
        String id = what.equals("interaction") ? ix : hr;
        Api.Res real = call(who, method, template, json, ix, hr);
        real.expectError(404, "not_found", what + " '" + id + "' not found");
        Api.Res unknown = call(who, method, template, json, "ix-unknown", "hr-unknown");
        unknown.expect(404);
        assertThat(real.message().replace(id, "ID"))
                .isEqualTo(unknown.message().replace(what.equals("interaction") ? "ix-unknown" : "hr-unknown", "ID"));

        assertThat(api.gw.server().store().findInteraction(ix)).contains(ixBefore);
        assertThat(api.gw.server().store().findHelpRequest(hr)).contains(hrBefore);
        assertThat(api.gw.server().store().openActions()).noneMatch(a -> a.interactionId().equals(ix));
    }

    /** An admin of another tenant reads or changes a user exactly as if the id did not exist. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminCalls")
    void anotherTenantsAdminGetsTheSame404ForAUserAsForAnUnknownId(String who, String method, String json) {
        User before = user("acme:agent1");
        Api.Res real = api.send(method, V1 + "/admin/users/acme:agent1", api.token(who), json, Map.of());
        real.expectError(404, "not_found", "user 'acme:agent1' not found");
        Api.Res unknown = api.send(method, V1 + "/admin/users/acme:nobody", api.token(who), json, Map.of());
        unknown.expect(404);
        assertThat(real.message().replace("acme:agent1", "ID")).isEqualTo(unknown.message().replace("acme:nobody",
                "ID"));
        assertThat(user("acme:agent1")).isEqualTo(before);
    }

    static Stream<Arguments> adminCalls() {
        return Stream.of(Arguments.of("globex:admin1", "GET", null),
                Arguments.of("globex:admin1", "PATCH", body("active", false)),
                Arguments.of("globex:admin1", "PATCH", body("displayName", "Taken over")));
    }

    @Test
    void anAdminsListsAndAuditHoldOnlyTheirTenant() {
        api.post(V1 + "/admin/domains", "acme:admin1", body("name", "acme-only")).expect(201);
        JsonNode users = api.get(V1 + "/admin/users?limit=500", "globex:admin1").expect(200).json().get("items");
        assertThat(users).isNotEmpty().allMatch(u -> u.get("id").asText().startsWith("globex:"));
        JsonNode domains = api.get(V1 + "/admin/domains", "globex:admin1").expect(200).json().get("items");
        assertThat(domains).noneMatch(d -> d.get("name").asText().equals("acme-only"));
        JsonNode audit = api.get(V1 + "/admin/audit", "globex:admin1").expect(200).json().get("items");
        assertThat(audit).noneMatch(c -> c.get("targetId").asText().equals("acme-only"));
        assertThat(api.get(V1 + "/admin/audit", "acme:admin1").expect(200).json().get("items"))
                .anyMatch(c -> c.get("targetId").asText().equals("acme-only"));
    }

    @Test
    void anotherTenantsScimTokenIsNotFoundAndNotListed() {
        String id = api.post(V1 + "/admin/scim-tokens", "acme:admin1", body("name", "Okta")).expect(201).json()
                .get("id").asText();
        Api.Res real = api.send("DELETE", V1 + "/admin/scim-tokens/" + id, api.token("globex:admin1"), null, Map.of());
        real.expectError(404, "not_found", "SCIM token '" + id + "' not found");
        Api.Res unknown = api.send("DELETE", V1 + "/admin/scim-tokens/unknown", api.token("globex:admin1"), null,
                Map.of());
        assertThat(unknown.message().replace("unknown", "ID")).isEqualTo(real.message().replace(id, "ID"));
        assertThat(api.get(V1 + "/admin/scim-tokens", "globex:admin1").expect(200).json().get("items").findValuesAsText(
                "id")).doesNotContain(id);
        assertThat(api.gw.server().store().scim().tokens("acme")).anyMatch(t -> t.id().equals(id));
    }

    private static Api.Res call(String who, String method, String template, String json, String ixId, String hrId) {
        String path = V1 + template.replace("{ix}", ixId).replace("{hr}", hrId);
        String b = json == null ? null : json.replace("{ix}", ixId);
        return api.send(method, path, api.token(who), b, Map.of());
    }

    @Test
    void theOwnerAndTheirDomainStillSeeIt() {
        for (String who : List.of("acme:agent1", "acme:supervisor1", "acme:auditor1", "acme:admin1")) {
            api.get(V1 + "/interactions/" + ix, who).expect(200);
            api.get(V1 + "/help-requests/" + hr, who).expect(200);
        }
    }

    static Stream<String> everyone() {
        Stream<String> support = Stream.of("acme", "globex").flatMap(t -> Stream.of("supervisor1", "supervisor2",
                "agent1", "agent2", "agent3", "auditor1", "admin1").map(u -> t + ":" + u));
        return Stream.concat(support, Stream.of("acme:salessupervisor1", "acme:salesagent1"));
    }

    private static User user(String id) {
        return api.gw.server().store().findUserById(id).orElseThrow();
    }

    private static void assertInScope(String who, JsonNode items, String... idFields) {
        User me = user(who);
        for (JsonNode item : items) {
            for (String f : idFields) {
                User owner = user(item.get(f).asText());
                assertThat(me.inScope(owner.tenant(), owner.domain())).as("%s sees %s of %s", who, f, owner.id())
                        .isTrue();
                if (f.equals("agentId") && me.isAgent()) {
                    assertThat(owner.id()).as("an agent sees only their own").isEqualTo(me.id());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("everyone")
    void listsNeverShowAnotherTenantsOrDomainsRows(String who) {
        JsonNode interactions = api.get(V1 + "/interactions", who).expect(200).json().get("items");
        assertInScope(who, interactions, "agentId");
        JsonNode requests = api.get(V1 + "/help-requests", who).expect(200).json().get("items");
        assertInScope(who, requests, "agentId");
        if (!interactions.isEmpty()) {
            assertThat(requests).isNotEmpty();
        }
        Api.Res actions = api.get(V1 + "/actions", who);
        if (actions.status() == 200) {
            assertThat(actions.json().get("items")).isNotEmpty();
            assertInScope(who, actions.json().get("items"), "supervisorId", "agentId");
        } else {
            actions.expectError(403, "forbidden", "audit search");
        }
    }

    @Test
    void anotherTenantsAdminNeitherReadsNorChangesTheIdentitySettings() {
        String path = V1 + "/admin/identity";
        api.put(path, "acme:admin1", body("createOnFirstSignIn", true)).expect(200);
        assertThat(api.get(path, "globex:admin1").expect(200).json().get("createOnFirstSignIn").asBoolean()).isFalse();
        api.put(path, "globex:admin1", body("createOnFirstSignIn", false)).expect(200);
        assertThat(api.get(path, "acme:admin1").expect(200).json().get("createOnFirstSignIn").asBoolean()).isTrue();
        assertThat(api.gw.server().store().identitySettings("acme").orElseThrow().createOnFirstSignIn()).isTrue();
    }
}
