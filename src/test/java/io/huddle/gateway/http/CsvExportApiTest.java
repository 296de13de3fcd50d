package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.ActionType;
import io.huddle.domain.SupervisorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET actions with {@code Accept: text/csv}: the header, one row per action, escaping, scope. */
class CsvExportApiTest extends ApiTest {
    private static final String HEADER = "id,action,supervisorId,agentId,interactionId,helpRequestId,startedAt,endedAt";
    private static final Map<String, String> CSV = Map.of("Accept", "text/csv");
    private static final Instant T0 = Instant.parse("2026-02-03T04:05:06.789Z");

    private Api.Res csv(String query, String who) {
        return api.send("GET", V1 + "/actions" + query, api.token(who), null, CSV);
    }

    private static SupervisorAction action(String id, String supervisor, String agent, String interaction,
                                           String helpRequest, Instant started, Instant ended) {
        return new SupervisorAction(id, "acme", "support", ActionType.COACH, supervisor, agent, interaction,
                helpRequest, started, ended);
    }

    @Test
    void anExportHasTheHeaderAndOneCrlfRowPerActionMatchingTheJsonSearch() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        String coach = api.act("acme:supervisor1", ix, "COACH").expect(201).json().get("id").asText();
        api.act("globex:supervisor1", api.interaction("globex:agent1"), "MONITOR").expect(201);

        Api.Res r = csv("", "acme:auditor1").expect(200);
        assertThat(r.contentType()).startsWith("text/csv");
        String[] lines = r.body().split("\r\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(HEADER);
        assertThat(lines[3]).as("the body ends with a CRLF").isEmpty();
        var json = api.get(V1 + "/actions", "acme:auditor1").json().get("items");
        for (int i = 0; i < 2; i++) {
            var a = json.get(i);
            String expected = String.join(",", a.get("id").asText(), a.get("action").asText(),
                    a.get("supervisorId").asText(), a.get("agentId").asText(), a.get("interactionId").asText(), "",
                    a.get("startedAt").asText(), a.get("endedAt").isNull() ? "" : a.get("endedAt").asText());
            assertThat(lines[i + 1]).isEqualTo(expected);
        }
        assertThat(r.body()).contains(coach).doesNotContain("globex");
    }

    @Test
    void anEmptyExportIsANamedDownloadWithTheHeaderOnly() {
        Api.Res r = csv("", "acme:supervisor1").expect(200);
        assertThat(r.contentType()).isEqualToIgnoringCase("text/csv; charset=utf-8");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"huddle-actions.csv\"");
        assertThat(r.body()).isEqualTo(HEADER + "\r\n");
        Api.Res json = api.get(V1 + "/actions", "acme:supervisor1").expect(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.header("Content-Disposition")).isNull();
    }

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        api.gw.server().store().saveAll(List.of(), List.of(
                action("act-1", "acme:o\"brien,x", "=HYPERLINK(\"http://x\")", "+1 line\nbreak", "@SUM(A1)", T0, null),
                action("act-2", "-2", "\tx", "=1,2", null, T0.plusMillis(1), T0.plusSeconds(1))), List.of());
        String body = csv("", "acme:auditor1").expect(200).body();
        assertThat(body).isEqualTo(HEADER + "\r\n"
                + "act-1,COACH,\"acme:o\"\"brien,x\",\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1 line\nbreak\",'@SUM(A1),"
                + "2026-02-03T04:05:06.789Z,\r\n"
                + "act-2,COACH,'-2,'\tx,\"'=1,2\",,2026-02-03T04:05:06.790Z,2026-02-03T04:05:07.789Z\r\n");
    }

    @Test
    void anExportIsEveryMatchingRowNotOnePage() {
        List<SupervisorAction> many = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            many.add(action(String.format("act-%05d", i), "acme:supervisor1", "acme:agent" + (i % 2 + 1), "ix-bulk",
                    null, T0.plusMillis(i / 3), T0.plusSeconds(5)));
        }
        api.gw.server().store().saveAll(List.of(), many, List.of());
        String[] lines = csv("?limit=10", "acme:auditor1").expect(200).body().split("\r\n");
        assertThat(lines).hasSize(1204);
        List<String> ids = Arrays.stream(lines).skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        assertThat(ids.get(0)).isEqualTo("act-00000");
        assertThat(ids.get(1202)).isEqualTo("act-01202");

        String[] agent2 = csv("?agentId=acme%3Aagent2", "acme:auditor1").expect(200).body().split("\r\n");
        assertThat(agent2).hasSize(1 + 601);
        assertThat(Arrays.stream(agent2).skip(1)).allMatch(l -> l.contains(",acme:agent2,"));
    }

    @Test
    void filtersApplyToTheExport() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        api.act("acme:supervisor1", ix, "BARGE_IN").expect(201);
        String[] lines = csv("?action=BARGE_IN", "acme:supervisor2").expect(200).body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(",BARGE_IN,acme:supervisor1,acme:agent1," + ix + ",,");
    }

    @Test
    void refusalsAreStillJson() {
        csv("", "acme:agent1").expectError(403, "forbidden", "audit search requires");
        csv("", "acme:admin1").expectError(403, "forbidden", "audit search requires");
        csv("?action=NOPE", "acme:auditor1").expectError(400, "bad_request", "query parameter 'action'");
        csv("?limit=0", "acme:auditor1").expectError(400, "bad_request", "query parameter 'limit'");
        api.send("GET", V1 + "/actions", null, null, CSV).expectError(401, "unauthorized", "bearer token");
    }

    @Test
    void anExportNeverCrossesTheTenantOrDomain() {
        api.act("acme:salessupervisor1", api.interaction("acme:salesagent1"), "MONITOR").expect(201);
        api.act("globex:supervisor1", api.interaction("globex:agent1"), "MONITOR").expect(201);
        assertThat(csv("", "acme:auditor1").body()).isEqualTo(HEADER + "\r\n");
        String sales = csv("", "acme:salessupervisor1").body();
        assertThat(sales.split("\r\n")).hasSize(2);
        assertThat(sales).contains("acme:salessupervisor1").doesNotContain("globex");
    }

    @Test
    void anExportThatFailsAfterItsFirstPageIsCutOffNotAnsweredAsComplete() throws Exception {
        List<SupervisorAction> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(action(String.format("act-%05d", i), "acme:supervisor1", "acme:agent1", "ix-bulk", null,
                    T0.plusMillis(i), null));
        }
        api.gw.server().store().saveAll(List.of(), many, List.of());
        // a row the store cannot read, on the second page: the first 500 rows are already on their way
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gateway.db"));
             java.sql.Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE actions SET action = 'LISTEN' WHERE id = 'act-00550'")).isEqualTo(1);
        }
        assertThatThrownBy(() -> csv("", "acme:auditor1"))
                .as("the client sees a broken download, not a 200 whose body looks whole")
                .hasRootCauseInstanceOf(java.io.IOException.class);
    }
}
