package io.huddle.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in packaging/ draws only metrics the gateway exports and docs/operations.md names. */
class GrafanaDashboardTest {
    private static final Pattern METRIC = Pattern.compile("([a-z_][a-z0-9_]*)\\{");

    @Test
    void everyQueryUsesDocumentedMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("packaging", "grafana", "huddle-gateway.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.get("expr").asText());
            }
        }
        Set<String> metrics = new TreeSet<>();
        for (String e : expressions) {
            Matcher m = METRIC.matcher(e);
            while (m.find()) {
                metrics.add(m.group(1));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(15);
        assertThat(metrics).contains("huddle_streams_open", "huddle_stream_fanout_delay_seconds_bucket",
                "huddle_stream_commands_seconds_bucket", "huddle_platform_calls_seconds_count",
                "resilience4j_circuitbreaker_state", "huddle_help_requests_pending", "huddle_journal_uploads_total",
                "http_server_requests_seconds_count", "huddle_platform_events_received_total",
                "huddle_stream_events_sent_total", "jvm_memory_used_bytes");
        assertThat(OperationsDoc.undocumented(metrics)).isEmpty();
    }
}
