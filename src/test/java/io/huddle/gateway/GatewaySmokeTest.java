package io.huddle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySmokeTest {
    @TempDir
    Path dir;

    @Test
    void aSupervisorSeesAnAgentsInteractionOverHttp() {
        try (TestGateway gw = TestGateway.start(dir)) {
            var ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
            String token = gw.signIn("acme", "supervisor1");
            HttpResponse<String> r = gw.call("GET", "/api/v1/interactions", token, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(TestGateway.json(r.body()).get("items").get(0).get("id").asText()).isEqualTo(ix.id());
        }
    }
}
