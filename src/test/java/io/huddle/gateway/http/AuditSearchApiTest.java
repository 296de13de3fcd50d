package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GET actions (JSON): who may search, every filter, limits and pages. */
class AuditSearchApiTest {
    @TempDir
    Path dir;
    Api api;
    String ix1;
    String ix2;
    String ix3;
    String hr;

    @BeforeEach
    void start() {
        api = Api.start(dir);
        ix1 = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix1, "MONITOR").expect(201);
        api.act("acme:supervisor1", ix1, "COACH").expect(201);
        api.act("acme:supervisor1", ix1, "DISCONNECT").expect(201);
        ix2 = api.interaction("acme:agent2");
        api.act("acme:supervisor2", ix2, "BARGE_IN").expect(201);
        ix3 = api.interaction("acme:agent1");
        hr = api.raised("acme:agent1", ix3);
        api.accept("acme:supervisor1", hr).expect(200);
        api.act("acme:supervisor1", ix3, "COACH").expect(201);
        api.act("acme:salessupervisor1", api.interaction("acme:salesagent1"), "MONITOR").expect(201);
        api.act("globex:supervisor1", api.interaction("globex:agent1"), "MONITOR").expect(201);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode search(String query, String who) {
        return api.get(V1 + "/actions" + query, who).expect(200).json();
    }

    private List<String> field(String query, String who, String name) {
        List<String> out = new ArrayList<>();
        search(query, who).get("items").forEach(a -> out.add(a.get(name).asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme:supervisor1", "acme:supervisor2", "acme:auditor1"})
    void supervisorsAndAuditorsSeeEveryActionOfTheirDomain(String who) {
        JsonNode body = search("", who);
        assertThat(body.get("items")).hasSize(5);
        assertThat(body.get("nextCursor").isNull()).isTrue();
        assertThat(field("", who, "interactionId")).containsOnly(ix1, ix2, ix3);
        JsonNode first = body.get("items").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "action", "supervisorId", "agentId",
                "interactionId", "helpRequestId", "startedAt", "endedAt");
        for (int i = 1; i < 5; i++) {
            assertThat(body.get("items").get(i).get("startedAt").asText())
                    .isGreaterThanOrEqualTo(body.get("items").get(i - 1).get("startedAt").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme:agent1", "acme:admin1"})
    void agentsAndAdminsMayNotSearch(String who) {
        api.get(V1 + "/actions", who).expectError(403, "forbidden",
                "audit search requires the awa_manager or auditor role");
    }

    @Test
    void otherDomainsAndTenantsSeeOnlyTheirOwn() {
        assertThat(field("", "acme:salessupervisor1", "supervisorId")).containsExactly("acme:salessupervisor1");
        assertThat(field("", "globex:auditor1", "supervisorId")).containsExactly("globex:supervisor1");
        assertThat(field("?interactionId=" + ix1, "globex:auditor1", "id")).isEmpty();
        assertThat(field("?supervisorId=" + q("acme:supervisor1"), "globex:supervisor2", "id")).isEmpty();
    }

    @Test
    void eachFilter() {
        assertThat(field("?supervisorId=" + q("acme:supervisor2"), "acme:auditor1", "action"))
                .containsExactly("BARGE_IN");
        assertThat(field("?agentId=" + q("acme:agent1"), "acme:auditor1", "interactionId"))
                .containsOnly(ix1, ix3).hasSize(4);
        assertThat(field("?interactionId=" + ix1, "acme:auditor1", "action"))
                .containsExactlyInAnyOrder("MONITOR", "COACH", "DISCONNECT");
        assertThat(field("?helpRequestId=" + hr, "acme:auditor1", "interactionId")).containsExactly(ix3);
        assertThat(field("?action=COACH", "acme:auditor1", "interactionId")).containsExactlyInAnyOrder(ix1, ix3);
        assertThat(field("?action=barge_in", "acme:auditor1", "supervisorId")).containsExactly("acme:supervisor2");
        assertThat(field("?action=COACH&agentId=" + q("acme:agent1") + "&supervisorId=" + q("acme:supervisor1")
                + "&helpRequestId=" + hr, "acme:auditor1", "interactionId")).containsExactly(ix3);
        assertThat(field("?interactionId=nope", "acme:auditor1", "id")).isEmpty();
    }

    @Test
    void anEmptyParameterIsNoFilter() {
        assertThat(search("?supervisorId=&agentId=&interactionId=&helpRequestId=&action=&from=&to=&limit=&cursor=",
                "acme:auditor1").get("items")).hasSize(5);
    }

    @Test
    void aHalfOpenTimeRangeOnStartedAt() {
        JsonNode items = search("", "acme:auditor1").get("items");
        String from = items.get(1).get("startedAt").asText();
        String to = items.get(4).get("startedAt").asText();
        List<String> expected = new ArrayList<>();
        items.forEach(a -> {
            String t = a.get("startedAt").asText();
            if (t.compareTo(from) >= 0 && t.compareTo(to) < 0) {
                expected.add(a.get("id").asText());
            }
        });
        assertThat(expected).isNotEmpty().doesNotContain(items.get(4).get("id").asText());
        assertThat(field("?from=" + from + "&to=" + to, "acme:auditor1", "id")).containsExactlyElementsOf(expected);
        assertThat(field("?to=" + items.get(0).get("startedAt").asText(), "acme:auditor1", "id")).isEmpty();
    }

    @Test
    void limitAndCursorWalkEveryRowOnce() {
        List<String> all = field("", "acme:auditor1", "id");
        List<String> walked = new ArrayList<>();
        String cursor = null;
        List<Integer> sizes = new ArrayList<>();
        do {
            JsonNode page = search("?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), "acme:auditor1");
            sizes.add(page.get("items").size());
            page.get("items").forEach(a -> walked.add(a.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(walked).containsExactlyElementsOf(all);
        JsonNode exact = search("?limit=5", "acme:auditor1");
        assertThat(exact.get("items")).hasSize(5);
        assertThat(exact.get("nextCursor").isNull()).as("no empty last page").isTrue();
    }

    @Test
    void aCursorKeepsItsFilters() {
        JsonNode first = search("?agentId=" + q("acme:agent1") + "&limit=3", "acme:auditor1");
        assertThat(first.get("items")).hasSize(3);
        JsonNode rest = search("?agentId=" + q("acme:agent1") + "&limit=3&cursor="
                + first.get("nextCursor").asText(), "acme:auditor1");
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("items").get(0).get("agentId").asText()).isEqualTo("acme:agent1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "?action=LISTEN|query parameter 'action' must be one of [MONITOR, COACH, BARGE_IN, DISCONNECT]",
        "?limit=-1|query parameter 'limit' must be between 1 and 500",
        "?limit=1.5|query parameter 'limit' must be a whole number",
        "?limit=99999999999|query parameter 'limit' must be a whole number",
        "?limit=%EF%BC%95|query parameter 'limit' must be a whole number",
        "?limit=%D9%A5|query parameter 'limit' must be a whole number",
        "?from=2026-01-01|query parameter 'from' must be an ISO-8601 UTC time",
        "?cursor=abc|cursor is not valid"})
    void badQueryParametersAre400(String query, String message) {
        api.get(V1 + "/actions" + query, "acme:auditor1").expectError(400, "bad_request", message);
    }
}
