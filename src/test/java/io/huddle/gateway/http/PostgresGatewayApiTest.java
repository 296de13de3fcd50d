package io.huddle.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.gateway.store.FreshPostgres;
import io.huddle.gateway.store.GatewayDatabase;
import io.huddle.gateway.store.PostgresGatewayStore;
import io.huddle.gateway.stream.WsTestClient;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole gateway on PostgreSQL: REST, the stream and a restart, on a real server's database. */
class PostgresGatewayApiTest {
    @RegisterExtension
    static final FreshPostgres database = new FreshPostgres();

    @TempDir
    Path dir;

    @Test
    void aHelpRequestIsRaisedAcceptedAndStreamedAndKeptAcrossARestart() {
        try (Api api = Api.start(dir, c -> c.withDatabase(new GatewayDatabase.Postgres(database.settings())))) {
            assertThat(api.gw.server().store()).isInstanceOf(PostgresGatewayStore.class);
            String ix = api.interaction("acme:agent1");
            try (WsTestClient stream = WsTestClient.connect(api.gw.streamUri(), api.token("acme:supervisor1"))) {
                stream.hello();
                stream.awaitType("snapshot");

                String hr = api.raised("acme:agent1", ix);
                stream.awaitFrame(helpUpdated(hr, "PENDING"), WsTestClient.WAIT);
                Api.Res accepted = api.accept("acme:supervisor1", hr).expect(200);
                assertThat(accepted.json().get("helpProvidedBy").asText()).isEqualTo("acme:supervisor1");
                api.accept("acme:supervisor2", hr).expectError(409, "conflict", "already accepted");
                JsonNode frame = stream.awaitFrame(helpUpdated(hr, "IN_PROGRESS"), WsTestClient.WAIT);
                assertThat(frame.path("helpRequest").path("helpProvidedBy").asText()).isEqualTo("acme:supervisor1");

                api.gw.restart();
                HelpRequest stored = api.gw.server().store().findHelpRequest(hr).orElseThrow();
                assertThat(stored.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
                assertThat(stored.helpProvidedBy()).isEqualTo("acme:supervisor1");
                assertThat(api.gw.server().floorReads().openRequestOn("acme", ix)).isEqualTo(stored);
            }
        }
    }

    private static Predicate<JsonNode> helpUpdated(String helpRequestId, String status) {
        return f -> "help.updated".equals(f.path("type").asText())
                && helpRequestId.equals(f.path("helpRequest").path("id").asText())
                && status.equals(f.path("helpRequest").path("status").asText());
    }
}
