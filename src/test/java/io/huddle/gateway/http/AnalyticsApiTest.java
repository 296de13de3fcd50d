package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.gateway.analytics.AnalyticsFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics endpoints over the real gateway, each figure against {@link AnalyticsFixture} worked out by hand:
 * help requests r1..r6 (accepted after 20, 90 and 40 s; cancelled after 30 and 120 s; one still pending), actions
 * a1..a6 (monitor 120 s then barge 60 s by supervisor1 on ix1, barge 30 s by supervisor2, coach 300 s, monitor
 * 600 s, a disconnect), eight interactions of which four had an action (ix8, in queue Returns, none); acceptWithin is the default 60 s.
 */
class AnalyticsApiTest extends ApiTest {
    private static final String RANGE = "from=2026-02-03T10:00:00Z&to=2026-02-03T12:00:00Z";

    @BeforeEach
    void load() {
        AnalyticsFixture.load(api.gw.server().store());
    }

    private JsonNode help(String query) {
        return api.get(V1 + "/analytics/help-requests?" + RANGE + "&" + query, "acme:supervisor1").expect(200).json();
    }

    private JsonNode interventions(String query) {
        return api.get(V1 + "/analytics/interventions?" + RANGE + "&" + query, "acme:auditor1").expect(200).json();
    }

    @Test
    void helpRequestTotalsAreTheHandComputedFigures() {
        JsonNode a = help("groupBy=hour");
        assertThat(a.get("acceptWithinSeconds").asDouble()).isEqualTo(60.0);
        assertThat(a.get("truncated").asBoolean()).isFalse();
        JsonNode t = a.get("total");
        assertThat(counts(t)).containsExactly(6L, 2L, 2L, 2L, 3L, 3L, 2L);
        assertThat(t.get("cancelRate").asDouble()).isEqualTo(0.5); // 2 cancelled of 4 finished
        assertThat(t.get("timeToAcceptP50Seconds").asDouble()).isEqualTo(40.0); // [20, 40, 90]: rank 2
        assertThat(t.get("timeToAcceptP90Seconds").asDouble()).isEqualTo(90.0); // rank ceil(2.7) = 3
        assertThat(t.get("timeToAcceptMaxSeconds").asDouble()).isEqualTo(90.0);
        // within 60 s: r1 and r5, of the accepted three plus r4 and r6 that waited past it (r3 gave up at 30 s)
        assertThat(t.get("withinServiceLevel").asDouble()).isEqualTo(0.4);
        assertThat(t.get("requestsPerAgent").asDouble()).isEqualTo(3.0);
    }

    @Test
    void helpRequestsByHourSplitTheFiguresPerHour() {
        JsonNode groups = help("groupBy=hour").get("groups");
        assertThat(keys(groups)).containsExactly("2026-02-03T10:00:00Z", "2026-02-03T11:00:00Z");
        JsonNode h0 = groups.get(0);
        assertThat(counts(h0)).containsExactly(3L, 2L, 1L, 0L, 2L, 1L, 2L);
        assertThat(h0.get("cancelRate").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(h0.get("timeToAcceptP50Seconds").asDouble()).isEqualTo(20.0); // [20, 90]: rank 1
        assertThat(h0.get("timeToAcceptP90Seconds").asDouble()).isEqualTo(90.0); // rank ceil(1.8) = 2
        assertThat(h0.get("withinServiceLevel").asDouble()).isEqualTo(0.5);
        JsonNode h1 = groups.get(1);
        assertThat(counts(h1)).containsExactly(3L, 0L, 1L, 2L, 1L, 2L, 2L);
        assertThat(h1.get("cancelRate").asDouble()).isEqualTo(1.0);
        assertThat(h1.get("timeToAcceptP50Seconds").asDouble()).isEqualTo(40.0);
        assertThat(h1.get("timeToAcceptMaxSeconds").asDouble()).isEqualTo(40.0);
        assertThat(h1.get("withinServiceLevel").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(h1.get("requestsPerAgent").asDouble()).isEqualTo(1.5);
    }

    @Test
    void helpRequestsGroupByReasonSupervisorChannelQueueAgentAndDay() {
        assertThat(keyCounts(help("groupBy=reason").get("groups")))
                .containsExactly("Billing=3", "Technical=2", "Other=1");
        JsonNode bySupervisor = help("groupBy=supervisor").get("groups");
        assertThat(keyCounts(bySupervisor)).containsExactly("null=3", "acme:supervisor1=2", "acme:supervisor2=1");
        assertThat(bySupervisor.get(1).get("label").asText()).isEqualTo("Name of supervisor1");
        assertThat(bySupervisor.get(0).get("timeToAcceptP50Seconds").isNull()).isTrue();
        assertThat(keyCounts(help("groupBy=channel").get("groups"))).containsExactly("VOICE=4", "CHAT=2");
        assertThat(keyCounts(help("groupBy=queue").get("groups"))).containsExactly("Billing=4", "Sales=2");
        JsonNode byAgent = help("groupBy=agent").get("groups");
        assertThat(keyCounts(byAgent)).containsExactly("acme:agent1=3", "acme:agent2=3");
        assertThat(byAgent.get(1).get("breaches").asLong()).isEqualTo(2); // r4 and r6
        assertThat(byAgent.get(1).get("escalated").asLong()).as("r4 was escalated; r6 was not").isEqualTo(1);
        assertThat(byAgent.get(0).get("escalated").asLong()).isZero();
        assertThat(keyCounts(help("groupBy=day").get("groups"))).containsExactly("2026-02-03T00:00:00Z=6");
    }

    @Test
    void filtersNarrowEveryFigure() {
        JsonNode t = help("groupBy=reason&reason=Technical&reason=Other").get("total");
        assertThat(counts(t)).containsExactly(3L, 0L, 2L, 1L, 0L, 2L, 1L); // r3, r4, r6
        assertThat(t.get("timeToAcceptP50Seconds").isNull()).isTrue();
        assertThat(t.get("withinServiceLevel").asDouble()).isEqualTo(0.0); // r4 and r6, neither within
        assertThat(help("groupBy=hour&channel=CHAT").get("total").get("requests").asLong()).isEqualTo(2);
        assertThat(help("groupBy=hour&agentId=acme%3Aagent1&queue=Billing").get("total").get("requests").asLong())
                .isEqualTo(1);
    }

    @Test
    void interventionTotalsAreTheHandComputedFigures() {
        JsonNode t = interventions("groupBy=supervisor").get("total");
        assertMode(t.get("monitor"), 2, 720, 360);
        assertMode(t.get("coach"), 1, 300, 300);
        assertMode(t.get("bargeIn"), 2, 90, 45);
        assertThat(t.get("monitorToBarge").asLong()).isEqualTo(1); // a2 after a1; a3 had no monitor before it
        assertThat(t.get("interactions").asLong()).isEqualTo(8);
        assertThat(t.get("interactionsWithAction").asLong()).isEqualTo(4);
        assertThat(t.get("interactionShare").asDouble()).isEqualTo(0.5);
        // the same total when it is added up from groups (by hour, agent, queue, channel) instead of counted apart
        for (String group : List.of("hour", "day", "agent", "queue", "channel")) {
            assertThat(interventions("groupBy=" + group).get("total")).as(group).isEqualTo(t);
        }
    }

    @Test
    void interactionsWithoutAnyActionStillMakeAGroup() {
        JsonNode byQueue = interventions("groupBy=queue").get("groups");
        assertThat(keys(byQueue)).containsExactly("Billing", "Sales", "Returns");
        JsonNode returns = byQueue.get(2);
        assertThat(returns.get("monitor").get("count").asLong()).isZero();
        assertThat(returns.get("interactions").asLong()).isEqualTo(1);
        assertThat(returns.get("interactionShare").asDouble()).isZero();
    }

    @Test
    void interventionsPerSupervisorAndPerHour() {
        JsonNode bySup = interventions("groupBy=supervisor").get("groups");
        assertThat(keys(bySup)).containsExactly("acme:supervisor1", "acme:supervisor2");
        assertThat(bySup.get(0).get("label").asText()).isEqualTo("Supervisor One");
        assertMode(bySup.get(0).get("monitor"), 2, 720, 360);
        assertMode(bySup.get(0).get("bargeIn"), 1, 60, 60);
        assertThat(bySup.get(0).get("monitorToBarge").asLong()).isEqualTo(1);
        assertThat(bySup.get(0).get("interactionShare").isNull()).isTrue();
        assertMode(bySup.get(1).get("coach"), 1, 300, 300);
        assertMode(bySup.get(1).get("bargeIn"), 1, 30, 30);

        JsonNode byHour = interventions("groupBy=hour").get("groups");
        assertThat(keys(byHour)).containsExactly("2026-02-03T10:00:00Z", "2026-02-03T11:00:00Z");
        assertMode(byHour.get(0).get("monitor"), 1, 120, 120);
        assertMode(byHour.get(0).get("bargeIn"), 2, 90, 45);
        assertThat(byHour.get(0).get("interactionShare").asDouble()).isEqualTo(0.75); // ix1, ix2, ix3 of four
        assertMode(byHour.get(1).get("monitor"), 1, 600, 600);
        assertThat(byHour.get(1).get("interactionShare").asDouble()).isEqualTo(0.25); // ix5 of ix4, ix5, ix6, ix8
    }

    @Test
    void interventionsByReasonFollowTheHelpRequest() {
        JsonNode byReason = interventions("groupBy=reason").get("groups");
        assertThat(keys(byReason)).containsExactly("Billing", "null"); // a1, a2, a3, a5; a4 without a request
        assertThat(byReason.get(0).get("monitor").get("count").asLong()).isEqualTo(2);
        assertThat(byReason.get(0).get("bargeIn").get("count").asLong()).isEqualTo(2);
        JsonNode onlyBilling = interventions("groupBy=hour&reason=Billing").get("total");
        assertThat(onlyBilling.get("coach").get("count").asLong()).isZero();
        assertThat(onlyBilling.get("interactionShare").isNull()).isTrue();
    }

    @Test
    void csvHasOneLinePerGroupThenTheTotal() {
        Api.Res r = api.send("GET", V1 + "/analytics/help-requests?" + RANGE + "&groupBy=reason",
                api.token("acme:auditor1"), null, Map.of("Accept", "text/csv")).expect(200);
        assertThat(r.contentType()).startsWith("text/csv");
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo(AnalyticsCsv.HELP_HEADER);
        assertThat(lines[1]).startsWith("group,reason,Billing,,3,2,0,1,0.0,3,40.0,90.0,90.0,");
        assertThat(lines[4]).isEqualTo("total,reason,,,6,2,2,2,0.5,3,40.0,90.0,90.0,0.4,3,1,2,3.0");
        String[] iv = api.send("GET", V1 + "/analytics/interventions?" + RANGE + "&groupBy=supervisor",
                api.token("acme:auditor1"), null, Map.of("Accept", "text/csv")).expect(200).body().split("\r\n");
        assertThat(iv[0]).isEqualTo(AnalyticsCsv.INTERVENTION_HEADER);
        assertThat(iv[3]).isEqualTo("total,supervisor,,,2,720.0,360.0,1,300.0,300.0,2,90.0,45.0,1,8,4,0.5");
    }

    @Test
    void rolesScopeAndLimits() {
        api.get(V1 + "/analytics/help-requests?" + RANGE + "&groupBy=hour", "acme:admin1").expect(200);
        api.get(V1 + "/analytics/interventions?" + RANGE + "&groupBy=hour", "acme:agent1")
                .expectError(403, "forbidden", "analytics require");
        JsonNode sales = api.get(V1 + "/analytics/help-requests?" + RANGE + "&groupBy=hour",
                "acme:salessupervisor1").expect(200).json();
        assertThat(sales.get("total").get("requests").asLong()).isEqualTo(1); // r-sales only
        api.get(V1 + "/analytics/help-requests?" + RANGE + "&groupBy=week", "acme:supervisor1")
                .expectError(400, "bad_request", "'groupBy' must be one of hour, day");
        api.get(V1 + "/analytics/help-requests?" + RANGE, "acme:supervisor1")
                .expectError(400, "bad_request", "'groupBy' is required");
        api.get(V1 + "/analytics/help-requests?groupBy=day&from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z",
                "acme:supervisor1").expectError(400, "bad_request", "at most 92 days");
        api.get(V1 + "/analytics/help-requests?groupBy=hour&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z",
                "acme:supervisor1").expectError(400, "bad_request", "group by day instead");
        api.get(V1 + "/analytics/help-requests?groupBy=hour&from=2026-02-03T12:00:00Z&to=2026-02-03T10:00:00Z",
                "acme:supervisor1").expectError(400, "bad_request", "'from' must be before 'to'");
        api.get(V1 + "/analytics/help-requests?groupBy=hour&from=yesterday", "acme:supervisor1")
                .expectError(400, "bad_request", "query parameter 'from'");
        JsonNode empty = api.get(V1 + "/analytics/help-requests?groupBy=hour", "acme:supervisor1").expect(200).json();
        assertThat(empty.get("total").get("requests").asLong()).as("the last day holds none of the fixture").isZero();
        assertThat(empty.get("total").get("cancelRate").isNull()).isTrue();
    }

    /** requests, closed, cancelled, open, accepted, breaches, agents. */
    private static List<Long> counts(JsonNode f) {
        List<Long> out = new ArrayList<>();
        for (String n : List.of("requests", "closed", "cancelled", "open", "accepted", "breaches", "agents")) {
            out.add(f.get(n).asLong());
        }
        return out;
    }

    private static List<String> keys(JsonNode groups) {
        List<String> out = new ArrayList<>();
        groups.forEach(g -> out.add(g.get("key").isNull() ? "null" : g.get("key").asText()));
        return out;
    }

    private static List<String> keyCounts(JsonNode groups) {
        List<String> out = new ArrayList<>();
        groups.forEach(g -> out.add((g.get("key").isNull() ? "null" : g.get("key").asText()) + "="
                + g.get("requests").asLong()));
        return out;
    }

    private static void assertMode(JsonNode m, long count, double total, double mean) {
        assertThat(m.get("count").asLong()).isEqualTo(count);
        assertThat(m.get("totalSeconds").asDouble()).isEqualTo(total);
        assertThat(m.get("meanSeconds").asDouble()).isEqualTo(mean);
    }
}
