package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.ActionType;
import io.huddle.domain.SupervisorAction;
import java.nio.file.Path;
import java.time.Instant;
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

/** The time query parameters of every search: their accepted range, their precision, and 400 outside it. */
class TimeQueryParamsApiTest {
    private static final String AUDITOR = "acme:auditor1";
    private static final Instant T = Instant.parse("2026-02-03T04:05:06.789Z");

    @TempDir
    static Path dir;
    static Api api;

    @BeforeAll
    static void start() {
        api = Api.start(dir);
        api.gw.server().store().saveAction(new SupervisorAction("a-at-t", "acme", "support", ActionType.COACH,
                "acme:supervisor1", "acme:agent1", "ix-1", null, T, null));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Every search with time parameters: the audit search as JSON and as CSV, help requests, journal entries. */
    static final List<String[]> SEARCHES = List.of(
            new String[] {"/actions", "application/json"},
            new String[] {"/actions", "text/csv"},
            new String[] {"/help-requests", "application/json"},
            new String[] {"/journal/entries", "application/json"});

    private static Api.Res search(String path, String accept, String query) {
        return api.send("GET", V1 + path + query, api.token(AUDITOR), null, Map.of("Accept", accept));
    }

    static Stream<Arguments> extremes() {
        List<Arguments> out = new ArrayList<>();
        for (String[] s : SEARCHES) {
            for (String param : List.of("from", "to")) {
                for (String value : List.of("-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z")) {
                    out.add(Arguments.of(s[0], s[1], param, value));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({1}) {2}={3}")
    @MethodSource("extremes")
    void theExtremesOfJavasTimeAre400NamingTheParameter(String path, String accept, String param, String value) {
        search(path, accept, "?" + param + "=" + q(value))
                .expectError(400, "bad_request", "query parameter '" + param + "' must be between");
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("searchesArgs")
    void theWholeAcceptedRangeIsASearchThatAnswers(String path, String accept) {
        Api.Res r = search(path, accept, "?from=" + q("0001-01-01T00:00:00Z") + "&to="
                + q("9999-12-31T23:59:59.999999999Z")).expect(200);
        if (path.equals("/actions")) {
            assertThat(r.body()).contains("a-at-t");
        }
    }

    static Stream<Arguments> searchesArgs() {
        return SEARCHES.stream().map(s -> Arguments.of(s[0], s[1]));
    }

    @ParameterizedTest
    @CsvSource({"from, -0001-12-31T23:59:59.999Z", "from, +10000-01-01T00:00:00Z", "to, 0000-12-31T23:59:59Z",
                "to, +10000-01-01T00:00:00Z"})
    void justOutsideTheRangeIs400(String param, String value) {
        search("/actions", "application/json", "?" + param + "=" + q(value))
                .expectError(400, "bad_request", "query parameter '" + param + "'", "0001-01-01T00:00:00Z",
                        "9999-12-31T23:59:59.999999999Z");
    }

    @Test
    void aBoundFinerThanAMillisecondKeepsItsMeaning() {
        String halfAfter = q(T.plusNanos(500_000).toString());
        assertThat(search("/actions", "application/json", "?from=" + halfAfter).body())
                .as("from is inclusive: an action half a millisecond before it is not in")
                .doesNotContain("a-at-t");
        assertThat(search("/actions", "application/json", "?to=" + halfAfter).body())
                .as("to is exclusive: an action half a millisecond before it is in")
                .contains("a-at-t");
        assertThat(search("/actions", "application/json", "?from=" + q(T.toString()) + "&to="
                + q(T.plusMillis(1).toString())).body()).contains("a-at-t");
    }
}
