package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Domains through /api/v1/admin/domains, and the audit of administration through /api/v1/admin/audit. */
class AdminDomainsAndAuditApiTest {
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

    static Map<String, Integer> domains(String who) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (JsonNode d : api.get(V1 + "/admin/domains", who).expect(200).json().get("items")) {
            out.put(d.get("name").asText(), d.get("users").asInt());
        }
        return out;
    }

    @Test
    void theDemoTenantsHaveTheirDomainsWithUserCountsAndANewDomainCanTakeUsers() {
        Map<String, Integer> acme = domains(ADMIN);
        assertThat(acme.keySet()).contains("sales", "support");
        int supportUsers = acme.get("support");
        assertThat(supportUsers).isEqualTo(api.gw.server().store().users("acme").stream()
                .filter(u -> u.domain().equals("support")).count());
        assertThat(domains("globex:admin1").keySet()).contains("sales", "support");

        JsonNode made = api.post(V1 + "/admin/domains", ADMIN, body("name", "billing")).expect(201).json();
        assertThat(made.get("name").asText()).isEqualTo("billing");
        assertThat(made.get("users").asInt()).isZero();
        api.post(V1 + "/admin/domains", ADMIN, body("name", "billing"))
                .expectError(409, "conflict", "domain 'billing' exists already");
        api.malformed().post(V1 + "/admin/domains", ADMIN, body("name", "two words"))
                .expectError(400, "bad_request", "field 'name'");
        api.malformed().post(V1 + "/admin/domains", ADMIN, body()).expectError(400, "bad_request", "field 'name'");
        api.malformed().send("POST", V1 + "/admin/domains", api.token(ADMIN), "[]", Map.of())
                .expectError(400, "bad_request", "JSON object");
        assertThat(domains("globex:admin1")).doesNotContainKey("billing");

        api.post(V1 + "/admin/users", ADMIN, body("username", "bill", "domain", "billing", "roles",
                List.of("awa_agent"))).expect(201);
        assertThat(domains(ADMIN)).containsEntry("billing", 1);
    }

    @Test
    void theAuditKeepsWhoDidWhatAndSearchesLikeTheOtherAudits() {
        api.post(V1 + "/admin/domains", ADMIN, body("name", "audited")).expect(201);
        api.post(V1 + "/admin/users", ADMIN, body("username", "audra", "domain", "audited", "roles",
                List.of("awa_agent"), "password", "a very long secret")).expect(201);
        api.send("PATCH", V1 + "/admin/users/acme:audra", api.token(ADMIN), body("active", false), Map.of())
                .expect(200);
        api.post(V1 + "/admin/domains", "globex:admin1", body("name", "elsewhere")).expect(201);

        JsonNode all = api.get(V1 + "/admin/audit?targetId=acme:audra", ADMIN).expect(200).json();
        assertThat(all.get("items")).extracting(c -> c.get("action").asText())
                .containsExactly("user.create", "user.disable");
        for (JsonNode c : all.get("items")) {
            assertThat(c.get("actorId").asText()).isEqualTo(ADMIN);
            assertThat(c.get("actorName").asText()).isEqualTo("admin1");
            assertThat(c.get("targetType").asText()).isEqualTo("user");
            assertThat(c.get("detail").asText()).doesNotContain("a very long secret");
            assertThat(c.get("at").asText()).endsWith("Z");
        }
        assertThat(api.get(V1 + "/admin/audit?action=domain.create", ADMIN).expect(200).json().get("items"))
                .extracting(c -> c.get("targetId").asText()).contains("audited").doesNotContain("elsewhere");
        assertThat(api.get(V1 + "/admin/audit?actorId=" + ADMIN, ADMIN).expect(200).json().get("items"))
                .allMatch(c -> c.get("actorId").asText().equals(ADMIN)).isNotEmpty();
        assertThat(api.get(V1 + "/admin/audit?from=9999-01-01T00:00:00Z", ADMIN).expect(200).json().get("items"))
                .isEmpty();
        api.get(V1 + "/admin/audit?from=yesterday", ADMIN).expectError(400, "bad_request", "'from'");
        api.get(V1 + "/admin/audit?limit=501", ADMIN).expectError(400, "bad_request", "'limit'");
        api.get(V1 + "/admin/audit?cursor=!!", ADMIN).expectError(400, "bad_request", "cursor");

        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.get(V1 + "/admin/audit?limit=1&targetId=acme:audra" + cursor, ADMIN).expect(200)
                    .json();
            page.get("items").forEach(c -> paged.add(c.get("action").asText()));
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + Api.q(page.get("nextCursor").asText());
        } while (cursor != null);
        assertThat(paged).containsExactly("user.create", "user.disable");

        Api.Res csv = api.send("GET", V1 + "/admin/audit?targetId=acme:audra", api.token(ADMIN), null,
                Map.of("Accept", "text/csv"));
        csv.expect(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,actorId,actorName,action,targetType,targetId,detail");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",acme:admin1,admin1,user.create,user,acme:audra,");
        assertThat(lines[2]).contains("user.disable").contains("active true -> false");
        assertThat(csv.body()).doesNotContain("a very long secret").doesNotContain("elsewhere");
    }
}
