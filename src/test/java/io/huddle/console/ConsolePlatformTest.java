package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.ActionType;
import io.huddle.domain.SupervisorAction;
import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.protocol.platform.PlatformSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import io.huddle.testing.PlatformStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on a contact center connected through the Platform API: the console's press reaches the
 * platform (a real HTTP stand-in) and is acknowledged, and the platform dropping the leg shows in the console.
 */
class ConsolePlatformTest extends ConsoleUiTest {
    private final PlatformStandIn platform = new PlatformStandIn("acme");
    private String secret;

    @BeforeEach
    void connectPlatform() throws Exception {
        secret = fx.gateway().server().connectPlatform("acme", platform.url());
        platform.secret(secret);
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    private void post(String events) throws Exception {
        String body = "{\"events\":[" + events + "]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fx.gateway().baseUrl() + "/api/v1/platform/events"))
                .header("Huddle-Tenant", "acme")
                .header("Huddle-Signature", PlatformSignature.header(secret, Instant.now(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private JsonNode nextControl(String type) throws InterruptedException {
        return platform.next(type);
    }


    @Test
    void aPressReachesThePlatformAndItsDroppedLegShowsAsEnded() throws Exception {
        post("{\"id\":\"e1\",\"type\":\"interaction.started\",\"at\":\"" + Instant.now() + "\","
                + "\"interactionId\":\"CA-42\",\"channel\":\"VOICE\",\"agentId\":\"agent1\","
                + "\"customerName\":\"Grace Hopper\",\"queue\":\"Billing\"}");
        ConsoleUi console = fx.openConsole("supervisor1");
        eventually(() -> assertThat(console.rowIds()).hasSize(1));
        String id = console.rowIds().get(0);
        Fx.call(() -> {
            console.vm().detail().select(id);
            return null;
        });
        assertThat(nextControl("view").get("interactionId").asText()).isEqualTo("CA-42");
        eventually(() -> assertThat(console.enabled("#control-monitor")).isTrue());

        robot.clickOn(console.button("#control-monitor"));
        JsonNode monitor = nextControl("monitor");
        assertThat(monitor.get("interactionId").asText()).isEqualTo("CA-42");
        assertThat(monitor.get("supervisorId").asText()).isEqualTo("supervisor1");
        eventually(() -> assertThat(console.text("#mode-banner")).contains("monitoring silently"));
        assertThat(fx.actionsOn(id)).extracting(SupervisorAction::action).containsExactly(ActionType.MONITOR);

        post("{\"id\":\"e2\",\"type\":\"supervisor.leg_ended\",\"at\":\"" + Instant.now() + "\","
                + "\"interactionId\":\"CA-42\",\"supervisorId\":\"supervisor1\",\"reason\":\"the line dropped\"}");
        eventually(() -> {
            assertThat(console.visible("#mode-banner")).isFalse();
            assertThat(console.enabled("#control-monitor")).isTrue();
        });
        List<SupervisorAction> actions = fx.actionsOn(id);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).endedAt()).as("the platform's drop ends the recorded action").isNotNull();
    }
}
