package io.huddle.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.gateway.TestGateway;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated contact center against a real gateway, over HTTP only, as any adapter. */
class SimulatorTest {
    @TempDir
    Path dir;
    private TestGateway gw;
    private Simulator sim;
    private String token;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir.resolve("gateway"));
        token = gw.signIn("acme", "supervisor1");
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        gw.close();
    }

    private Simulator simulator() {
        return Simulator.start(new Simulator.Options(URI.create(gw.baseUrl()), "acme", "127.0.0.1", 0,
                dir.resolve("simulator-acme.json"), "demo".toCharArray()),
                url -> gw.server().connectPlatform("acme", url));
    }

    /** The live interactions acme's supervisor1 sees, by the platform's id. */
    private Map<String, JsonNode> live() {
        JsonNode items = TestGateway.json(gw.call("GET", "/api/v1/interactions", token, null).body()).get("items");
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list.stream().collect(Collectors.toMap(i -> i.get("platformId").asText(), i -> i));
    }

    private static String seatCall(Map<String, JsonNode> live, String agent) {
        return live.entrySet().stream().filter(e -> e.getValue().get("agentId").asText().equals("acme:" + agent))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    @Test
    void itsContactsReachTheGatewayAndItTakesTheSupervisorsControls() {
        sim = simulator();
        await().atMost(Duration.ofSeconds(15)).until(() -> seatCall(live(), "agent1") != null
                && seatCall(live(), "agent2") != null && live().size() > 2);
        Map<String, JsonNode> live = live();
        JsonNode voice = live.get(seatCall(live, "agent1"));
        assertThat(voice.get("channel").asText()).isEqualTo("VOICE");
        assertThat(live.get(seatCall(live, "agent2")).get("channel").asText()).isEqualTo("CHAT");

        HttpResponse<String> monitor = gw.call("POST", "/api/v1/interactions/" + voice.get("id").asText()
                + "/actions", token, "{\"action\":\"MONITOR\"}");
        assertThat(monitor.statusCode()).as(monitor.body()).isEqualTo(201);
        HttpResponse<String> leave = gw.call("POST", "/api/v1/interactions/" + voice.get("id").asText()
                + "/actions", token, "{\"action\":\"DISCONNECT\"}");
        assertThat(leave.statusCode()).as(leave.body()).isEqualTo(201);
    }

    @Test
    void afterARestartTheSeatsKeepTheirContactsAndTheRestEnd() {
        sim = simulator();
        await().atMost(Duration.ofSeconds(15)).until(() -> live().size() > 2 && seatCall(live(), "agent1") != null);
        Map<String, JsonNode> before = live();
        String seat1 = seatCall(before, "agent1");
        String seat2 = seatCall(before, "agent2");
        sim.close();
        Set<String> others = before.keySet().stream().filter(id -> !id.equals(seat1) && !id.equals(seat2))
                .collect(Collectors.toSet());

        sim = simulator();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(live().keySet()).doesNotContainAnyElementsOf(others).contains(seat1, seat2));
    }
}
