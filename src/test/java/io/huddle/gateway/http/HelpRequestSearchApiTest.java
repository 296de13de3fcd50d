package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET help-requests: filters, scope, order and pages. */
class HelpRequestSearchApiTest {
    @TempDir
    Path dir;
    Api api;
    String pending;
    String inProgress;
    String closed;
    String cancelled;
    String otherAgent;

    @BeforeEach
    void start() {
        api = Api.start(dir);
        pending = api.raised("acme:agent1", api.interaction("acme:agent1"));
        inProgress = api.raised("acme:agent1", api.interaction("acme:agent1"));
        api.accept("acme:supervisor1", inProgress).expect(200);
        closed = api.raised("acme:agent2", api.interaction("acme:agent2"));
        api.accept("acme:supervisor2", closed).expect(200);
        api.post(V1 + "/help-requests/" + closed + "/close", "acme:agent2", null).expect(200);
        cancelled = api.raised("acme:agent2", api.interaction("acme:agent2"));
        api.post(V1 + "/help-requests/" + cancelled + "/cancel", "acme:agent2", null).expect(200);
        otherAgent = api.raised("acme:agent3", api.interaction("acme:agent3"));
        api.raised("acme:salesagent1", api.interaction("acme:salesagent1"));
        api.raised("globex:agent1", api.interaction("globex:agent1"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private List<String> ids(String query, String who) {
        JsonNode body = api.get(V1 + "/help-requests" + query, who).expect(200).json();
        List<String> ids = new ArrayList<>();
        body.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void everyRequestOfTheDomainOldestFirst() {
        List<String> all = List.of(pending, inProgress, closed, cancelled, otherAgent);
        for (String who : List.of("acme:supervisor1", "acme:auditor1", "acme:admin1")) {
            assertThat(ids("", who)).as(who).containsExactlyInAnyOrderElementsOf(all);
        }
        JsonNode items = api.get(V1 + "/help-requests", "acme:supervisor2").json().get("items");
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("createdAt").asText())
                    .isGreaterThanOrEqualTo(items.get(i - 1).get("createdAt").asText());
        }
        assertThat(api.get(V1 + "/help-requests", "acme:supervisor2").json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void eachStatusFilter() {
        assertThat(ids("?status=PENDING", "acme:supervisor1")).containsExactlyInAnyOrder(pending, otherAgent);
        assertThat(ids("?status=IN_PROGRESS", "acme:supervisor1")).containsExactly(inProgress);
        assertThat(ids("?status=closed", "acme:supervisor1")).containsExactly(closed);
        assertThat(ids("?status=CANCELLED", "acme:supervisor1")).containsExactly(cancelled);
    }

    @Test
    void agentAndHelperFilters() {
        assertThat(ids("?agentId=" + q("acme:agent2"), "acme:supervisor1")).containsExactlyInAnyOrder(closed,
                cancelled);
        assertThat(ids("?helpProvidedBy=" + q("acme:supervisor2"), "acme:auditor1")).containsExactly(closed);
        assertThat(ids("?helpProvidedBy=" + q("acme:supervisor1") + "&status=CLOSED", "acme:auditor1")).isEmpty();
        assertThat(ids("?agentId=" + q("globex:agent1"), "acme:supervisor1")).isEmpty();
    }

    @Test
    void anAgentOnlyEverListsTheirOwnRequests() {
        assertThat(ids("", "acme:agent1")).containsExactlyInAnyOrder(pending, inProgress);
        assertThat(ids("?agentId=" + q("acme:agent2"), "acme:agent1")).containsExactlyInAnyOrder(pending,
                inProgress);
        assertThat(ids("?status=PENDING", "acme:agent3")).containsExactly(otherAgent);
    }

    @Test
    void otherDomainsAndTenantsSeeOnlyTheirOwn() {
        List<String> sales = ids("", "acme:salessupervisor1");
        assertThat(sales).hasSize(1).doesNotContain(pending, inProgress, closed, cancelled, otherAgent);
        List<String> globex = ids("", "globex:supervisor1");
        assertThat(globex).hasSize(1).doesNotContain(pending, inProgress, closed, cancelled, otherAgent);
        assertThat(globex).doesNotContainAnyElementsOf(sales);
    }

    @Test
    void anEmptyParameterIsNoFilter() {
        assertThat(ids("?status=&agentId=&helpProvidedBy=&from=&to=&limit=&cursor=", "acme:supervisor1")).hasSize(5);
    }

    @Test
    void aHalfOpenTimeRangeOnCreatedAt() {
        JsonNode items = api.get(V1 + "/help-requests", "acme:supervisor1").json().get("items");
        String from = items.get(1).get("createdAt").asText();
        String to = items.get(3).get("createdAt").asText();
        List<String> expected = new ArrayList<>();
        items.forEach(i -> {
            String t = i.get("createdAt").asText();
            if (t.compareTo(from) >= 0 && t.compareTo(to) < 0) {
                expected.add(i.get("id").asText());
            }
        });
        assertThat(expected).isNotEmpty().doesNotContain(items.get(3).get("id").asText());
        assertThat(ids("?from=" + from + "&to=" + to, "acme:supervisor1")).containsExactlyElementsOf(expected);
        assertThat(ids("?from=" + Instant.now().plusSeconds(60), "acme:supervisor1")).isEmpty();
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode body = api.get(V1 + "/help-requests?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    "acme:supervisor1").expect(200).json();
            assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
            body.get("items").forEach(i -> walked.add(i.get("id").asText()));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(ids("", "acme:supervisor1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "?status=OPEN|query parameter 'status' must be one of [PENDING, IN_PROGRESS, CLOSED, CANCELLED]",
        "?limit=0|query parameter 'limit' must be between 1 and 500",
        "?limit=501|query parameter 'limit' must be between 1 and 500",
        "?limit=ten|query parameter 'limit' must be a whole number",
        "?from=yesterday|query parameter 'from' must be an ISO-8601 UTC time",
        "?to=2026-13-01T00:00:00Z|query parameter 'to' must be an ISO-8601 UTC time",
        "?cursor=%25%25%25|cursor is not valid",
        "?cursor=bm9jb2xvbg|cursor is not valid"})
    void badQueryParametersAre400(String query, String message) {
        api.get(V1 + "/help-requests" + query, "acme:supervisor1").expectError(400, "bad_request", message);
    }
}
