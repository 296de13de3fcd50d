package io.huddle.gateway.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import io.huddle.domain.AdminChange;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCIM Users through the SCIM SDK's own client against the real gateway, and the forms identity providers send. */
class ScimUsersClientTest {
    @TempDir
    Path dir;
    ScimFixture fx;
    ScimService scim;

    @BeforeEach
    void start() {
        fx = new ScimFixture(dir);
        scim = fx.service(fx.acmeToken);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static UserResource newUser(String userName, String externalId) {
        UserResource u = new UserResource().setUserName(userName).setActive(true)
                .setName(new Name().setGivenName("Babs").setFamilyName("Jensen"))
                .setEmails(List.of(new Email().setValue(userName + "@example.com").setType("work").setPrimary(true)));
        u.setExternalId(externalId);
        return u;
    }

    @Test
    void createsGetsFindsReplacesAndDeletesAUser() throws Exception {
        UserResource u = newUser("bjensen", "okta-00u1");
        u.setExtension(new EnterpriseUserExtension().setDepartment("Support"));
        UserResource created = scim.create("Users", u);

        assertThat(created.getId()).isEqualTo("acme:bjensen");
        assertThat(created.getUserName()).isEqualTo("bjensen");
        assertThat(created.getDisplayName()).isEqualTo("Babs Jensen");
        assertThat(created.getExternalId()).isEqualTo("okta-00u1");
        assertThat(created.getActive()).isTrue();
        User stored = fx.user("acme:bjensen");
        assertThat(stored.roles()).as("no mapped group: no role").isEmpty();
        assertThat(stored.domain()).isEqualTo("default");
        assertThat(fx.store().passwordHash("acme:bjensen")).isEmpty();
        assertThat(fx.store().userAccount("acme:bjensen")).get().extracting(a -> a.source())
                .as("administration shows who manages the user").isEqualTo("scim");
        assertThat(fx.store().domains("acme")).as("the domain SCIM placed them in is listed")
                .anyMatch(d -> d.name().equals("default") && d.users() >= 1);

        assertThat(scim.retrieve("Users", "acme:bjensen", UserResource.class).getUserName()).isEqualTo("bjensen");

        ListResponse<UserResource> byName = scim.searchRequest("Users")
                .filter(Filter.eq("userName", "BJENSEN").toString()).invoke(UserResource.class);
        assertThat(byName.getTotalResults()).isEqualTo(1);
        assertThat(byName.getResources()).extracting(UserResource::getId).containsExactly("acme:bjensen");
        ListResponse<UserResource> either = scim.searchRequest("Users")
                .filter("externalId eq \"okta-00u1\" or userName eq \"agent1\"").invoke(UserResource.class);
        assertThat(either.getResources()).extracting(UserResource::getId)
                .containsExactlyInAnyOrder("acme:bjensen", "acme:agent1");
        ListResponse<UserResource> both = scim.searchRequest("Users")
                .filter("externalId eq \"okta-00u1\" and userName eq \"agent1\"").invoke(UserResource.class);
        assertThat(both.getTotalResults()).isZero();

        created.setDisplayName("Barbara Jensen");
        created.setExternalId("okta-00u1-b");
        UserResource replaced = scim.replace(created);
        assertThat(replaced.getDisplayName()).isEqualTo("Barbara Jensen");
        assertThat(fx.user("acme:bjensen").displayName()).isEqualTo("Barbara Jensen");

        scim.delete("Users", "acme:bjensen");
        assertThat(fx.store().findUserById("acme:bjensen")).isEmpty();
        assertThatThrownBy(() -> scim.retrieve("Users", "acme:bjensen", UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);

        List<AdminChange> audit = fx.changesBy("acme", "scim:" + fx.acmeTokenId);
        assertThat(audit).extracting(AdminChange::action).containsExactly("user.create", "user.update", "user.delete");
        assertThat(audit).allSatisfy(c -> {
            assertThat(c.actorName()).isEqualTo("Okta");
            assertThat(c.targetId()).isEqualTo("acme:bjensen");
        });
        assertThat(audit.get(1).detail()).contains("displayName Babs Jensen -> Barbara Jensen");
    }

    @Test
    void aDeletedUsersIdIsNotGivenToSomeoneNew() throws Exception {
        scim.create("Users", newUser("reused", null));
        scim.delete("Users", "acme:reused");
        UserResource again = scim.create("Users", newUser("reused", null));
        assertThat(again.getId()).startsWith("acme:").isNotEqualTo("acme:reused");
    }

    @Test
    void aTakenUserNameIsAConflict() throws Exception {
        assertThatThrownBy(() -> scim.create("Users", newUser("Agent1", null)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.getScimError().getStatus()).isEqualTo(409);
                    assertThat(e.getScimError().getScimType()).isEqualTo("uniqueness");
                });
    }

    @Test
    void listsArePagedAndBounded() throws Exception {
        ListResponse<UserResource> page = scim.searchRequest("Users").page(2, 3).invoke(UserResource.class);
        int all = fx.store().users("acme").size();
        assertThat(page.getTotalResults()).isEqualTo(all);
        assertThat(page.getStartIndex()).isEqualTo(2);
        assertThat(page.getResources()).hasSize(3);
        HttpResponse<String> huge = fx.call("GET", "/scim/v2/Users?count=100000", fx.acmeToken, null);
        assertThat(ScimFixture.json(huge).get("Resources").size()).isEqualTo(Math.min(all, ScimApi.MAX_COUNT));
    }

    @Test
    void deactivatingThroughTheClientEndsTheUsersSessionsAtOnce() throws Exception {
        String session = fx.gw.signIn("acme", "agent1");
        assertThat(fx.call("GET", "/api/v1/me", session, null).statusCode()).isEqualTo(200);

        scim.modify("Users", "acme:agent1", new PatchRequest(PatchOperation.replace("active", false)),
                UserResource.class);

        assertThat(fx.call("GET", "/api/v1/me", session, null).statusCode()).isEqualTo(401);
        assertThat(fx.store().sessionUser(AuthService.digest(session), Instant.now())).isEmpty();
        assertThat(fx.user("acme:agent1").active()).isFalse();
        assertThat(fx.user("acme:agent1").roles()).as("an administrator's user keeps its roles")
                .containsExactlyElementsOf(fx.user("acme:agent1").roles()).isNotEmpty();
        assertThat(fx.changesBy("acme", "scim:" + fx.acmeTokenId)).extracting(AdminChange::action)
                .containsExactly("user.disable");
    }

    @Test
    void oktasPatchWithoutAPathDeactivates() {
        HttpResponse<String> r = fx.call("PATCH", "/scim/v2/Users/acme:agent2", fx.acmeToken, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/scim+json"));
        assertThat(ScimFixture.json(r).get("active").asBoolean()).isFalse();
        assertThat(fx.user("acme:agent2").active()).isFalse();
    }

    @Test
    void entrasCapitalizedOperationsAndStringBooleansWork() {
        HttpResponse<String> off = fx.call("PATCH", "/scim/v2/Users/acme:agent3", fx.acmeToken, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "active", "value": "False"},
                                {"op": "Add", "path": "displayName", "value": "Agent Three (Entra)"}]}""");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(fx.user("acme:agent3").active()).isFalse();
        assertThat(fx.user("acme:agent3").displayName()).isEqualTo("Agent Three (Entra)");

        HttpResponse<String> on = fx.call("PATCH", "/scim/v2/Users/acme:agent3", fx.acmeToken, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "active", "value": "True"}]}""");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(fx.user("acme:agent3").active()).isTrue();
        assertThat(fx.changesBy("acme", "scim:" + fx.acmeTokenId)).extracting(AdminChange::action)
                .containsExactly("user.disable", "user.enable");
    }

    @Test
    void theRfcsCreateExampleIsAccepted() {
        // RFC 7644 section 3.3, with the enterprise extension and emails the gateway accepts and does not keep
        HttpResponse<String> r = fx.call("POST", "/scim/v2/Users", fx.acmeToken, """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName": "bjensen@example.com", "externalId": "bjensen",
                 "name": {"formatted": "Ms. Barbara J Jensen III", "familyName": "Jensen", "givenName": "Barbara"},
                 "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984"}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/scim/v2/Users/acme:bjensen@example.com"));
        assertThat(fx.user("acme:bjensen@example.com").displayName()).isEqualTo("Ms. Barbara J Jensen III");
        assertThat(fx.store().scim().user("acme", "acme:bjensen@example.com").orElseThrow().externalId())
                .isEqualTo("bjensen");
    }

    @Test
    void theDiscoveryDocumentsAreServed() throws Exception {
        assertThat(scim.getServiceProviderConfig().getPatch().isSupported()).isTrue();
        assertThat(scim.getServiceProviderConfig().getFilter().getMaxResults()).isEqualTo(ScimApi.MAX_COUNT);
        assertThat(scim.getResourceTypes().getResources()).extracting(t -> t.getName())
                .containsExactly("User", "Group");
        assertThat(scim.getSchemas().getTotalResults()).isEqualTo(2);
    }

    @Test
    void tokensLastUseIsNoted() throws Exception {
        scim.retrieve("Users", "acme:agent1", UserResource.class);
        Instant used = fx.store().scim().tokens("acme").get(0).lastUsedAt();
        assertThat(used).isNotNull().isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1,
                ChronoUnit.MINUTES));
    }
}
