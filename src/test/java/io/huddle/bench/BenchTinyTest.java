package io.huddle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Keeps the benchmark harness working: runs every benchmark at its tiny size (seconds) and checks that each
 * produced figures. It asserts no timing target: performance is measured by {@code mvn -Pbench test}, which
 * prints figures, not by timed unit tests.
 */
class BenchTinyTest {

    @Test
    @Timeout(300)
    void everyBenchmarkRunsAtTinySizeAndReportsFiniteFigures(@TempDir Path out) throws Exception {
        FxToolkit.registerPrimaryStage(); // the toolkit as the other headless tests start it
        StringWriter log = new StringWriter();
        Report report = BenchMain.run(BenchSize.tiny(), Set.of(), out, new PrintWriter(log, true));
        report.print(new PrintWriter(log, true));

        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(json.path("benchmarks")).as(log.toString()).hasSize(BenchMain.all().size());
        for (JsonNode b : json.path("benchmarks")) {
            String id = b.path("id").asText();
            assertThat(b.path("notes").toString()).as(id + "\n" + log).doesNotContain("FAILED");
            assertThat(b.path("figures").size()).as(id).isGreaterThan(3);
            assertThat(b.path("targets").size()).as(id).isPositive();
            b.path("figures").fields().forEachRemaining(f -> {
                assertThat(f.getValue().path("value").isNumber()).as(id + " " + f.getKey() + "\n" + log).isTrue();
            });
        }
    }
}
