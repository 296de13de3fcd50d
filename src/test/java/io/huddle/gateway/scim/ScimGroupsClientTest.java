package io.huddle.gateway.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.UserResource;
import io.huddle.domain.AdminChange;
import io.huddle.domain.GroupMapping;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCIM Groups: membership places the users SCIM manages by the tenant's group mappings. */
class ScimGroupsClientTest {
    @TempDir
    Path dir;
    ScimFixture fx;
    ScimService scim;

    @BeforeEach
    void start() {
        fx = new ScimFixture(dir);
        scim = fx.service(fx.acmeToken);
        fx.store().saveIdentitySettings(new IdentitySettings("acme", true, null, false, List.of(
                new GroupMapping("Huddle Supervisors", Set.of(Role.AWA_MANAGER), "support"),
                new GroupMapping("Huddle Agents", Set.of(Role.AWA_AGENT), "sales"),
                new GroupMapping("Huddle Auditors", Set.of(Role.AUDITOR), null))), null);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private String newUser(String userName) throws Exception {
        return scim.create("Users", new UserResource().setUserName(userName).setDisplayName(userName)).getId();
    }

    private static Member member(String id) {
        return new Member().setValue(id);
    }

    @Test
    void membershipGivesRolesAndDomainAndTakesThemAway() throws Exception {
        String ann = newUser("ann");
        String bob = newUser("bob");
        assertThat(fx.user(ann).domain()).as("no mapped group: the first mapping's domain").isEqualTo("support");

        GroupResource agents = scim.create("Groups", new GroupResource().setDisplayName("Huddle Agents")
                .setMembers(List.of(member(ann), member(bob))));
        assertThat(agents.getMembers()).extracting(Member::getValue).containsExactlyInAnyOrder(ann, bob);
        assertThat(fx.user(ann).roles()).containsExactly(Role.AWA_AGENT);
        assertThat(fx.user(ann).domain()).isEqualTo("sales");

        GroupResource supervisors = scim.create("Groups", new GroupResource().setDisplayName("Huddle Supervisors")
                .setMembers(List.of(member(ann))));
        assertThat(fx.user(ann).roles()).containsExactlyInAnyOrder(Role.AWA_AGENT, Role.AWA_MANAGER);
        assertThat(fx.user(ann).domain()).as("the first mapping in the settings' order").isEqualTo("support");

        ListResponse<GroupResource> found = scim.searchRequest("Groups")
                .filter("displayName eq \"huddle agents\"").invoke(GroupResource.class);
        assertThat(found.getResources()).extracting(GroupResource::getId).containsExactly(agents.getId());

        // a user who loses every role has their sessions ended
        String session = "bob-session";
        fx.store().saveSession(AuthService.digest(session), bob, Instant.now().plusSeconds(3600));
        assertThat(fx.call("GET", "/api/v1/me", session, null).statusCode()).isEqualTo(200);
        scim.modify("Groups", agents.getId(), new PatchRequest(PatchOperation.remove(
                "members[value eq \"" + bob + "\"]")), GroupResource.class);
        assertThat(fx.user(bob).roles()).isEmpty();
        assertThat(fx.store().sessionUser(AuthService.digest(session), Instant.now())).isEmpty();

        scim.delete("Groups", supervisors.getId());
        assertThat(fx.user(ann).roles()).containsExactly(Role.AWA_AGENT);
        assertThat(fx.user(ann).domain()).isEqualTo("sales");

        List<String> actions = fx.changesBy("acme", "scim:" + fx.acmeTokenId).stream().map(AdminChange::action)
                .toList();
        assertThat(actions).containsSubsequence("group.create", "group.create", "group.update", "group.delete")
                .contains("user.update");
    }

    @Test
    void entrasMemberPatchesAndARenameReplaceTheMembersPlacement() {
        String group = fx.call("POST", "/scim/v2/Groups", fx.acmeToken, """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Night Shift",
                 "externalId": "entra-g1", "members": []}""").body();
        String groupId = TestJson.text(group, "id");
        String carl;
        try {
            carl = newUser("carl");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        HttpResponse<String> add = fx.call("PATCH", "/scim/v2/Groups/" + groupId, fx.acmeToken, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Add", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(carl));
        assertThat(add.statusCode()).as(add.body()).isEqualTo(200);
        assertThat(fx.user(carl).roles()).as("Night Shift is not mapped").isEmpty();

        HttpResponse<String> rename = fx.call("PATCH", "/scim/v2/Groups/" + groupId, fx.acmeToken, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "displayName", "value": "Huddle Auditors"}]}""");
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(200);
        User renamed = fx.user(carl);
        assertThat(renamed.roles()).containsExactly(Role.AUDITOR);
        assertThat(renamed.domain()).as("the mapping names no domain: the first mapping's").isEqualTo("support");

        HttpResponse<String> membersOf = fx.call("GET", "/scim/v2/Groups?filter="
                + java.net.URLEncoder.encode("members[value eq \"" + carl + "\"]", java.nio.charset.StandardCharsets.UTF_8)
                + "&excludedAttributes=members", fx.acmeToken, null);
        assertThat(ScimFixture.json(membersOf).get("totalResults").asInt()).isEqualTo(1);
        assertThat(ScimFixture.json(membersOf).get("Resources").get(0).has("members")).isFalse();

        HttpResponse<String> remove = fx.call("PATCH", "/scim/v2/Groups/" + groupId, fx.acmeToken, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Remove", "path": "members[value eq \\"%s\\"]"}]}""".formatted(carl));
        assertThat(remove.statusCode()).as(remove.body()).isEqualTo(200);
        assertThat(fx.user(carl).roles()).isEmpty();
    }

    @Test
    void anAdministratorsUserKeepsItsRolesInAGroup() throws Exception {
        GroupResource g = scim.create("Groups", new GroupResource().setDisplayName("Huddle Auditors")
                .setMembers(List.of(member("acme:agent1"))));
        assertThat(g.getMembers()).hasSize(1);
        assertThat(fx.user("acme:agent1").roles()).containsExactly(Role.AWA_AGENT);
    }

    @Test
    void aGroupPutReplacesItsMembers() throws Exception {
        String dee = newUser("dee");
        String eve = newUser("eve");
        GroupResource g = scim.create("Groups", new GroupResource().setDisplayName("Huddle Supervisors")
                .setMembers(List.of(member(dee))));
        g.setMembers(List.of(member(eve)));
        GroupResource replaced = scim.replace(g);
        assertThat(replaced.getMembers()).extracting(Member::getValue).containsExactly(eve);
        assertThat(fx.user(dee).roles()).isEmpty();
        assertThat(fx.user(eve).roles()).containsExactly(Role.AWA_MANAGER);
        UserResource eveAsScimSees = scim.retrieve("Users", eve, UserResource.class);
        assertThat(eveAsScimSees.getGroups()).extracting(gr -> gr.getDisplay()).containsExactly("Huddle Supervisors");
    }

    @Test
    void aMemberFromNowhereIsRefused() {
        HttpResponse<String> r = fx.call("POST", "/scim/v2/Groups", fx.acmeToken, """
                {"displayName": "Huddle Agents", "members": [{"value": "globex:agent1"}]}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(ScimFixture.json(r).get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(fx.store().scim().groupByName("acme", "Huddle Agents")).isEmpty();
    }
}
