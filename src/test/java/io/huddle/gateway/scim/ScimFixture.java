package io.huddle.gateway.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.huddle.domain.AdminChange;
import io.huddle.domain.User;
import io.huddle.gateway.TestGateway;
import io.huddle.gateway.store.AdminChangeQuery;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.testing.OpenApiContract;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;

/**
 * A real gateway with demo tenants, a SCIM token for each of acme and globex made over REST by their
 * administrators, and the SCIM SDK's client (on Jersey) pointed at {@code /scim/v2} with acme's token.
 */
final class ScimFixture implements AutoCloseable {
    final TestGateway gw;
    final Client client;
    final String acmeToken;
    final String acmeTokenId;
    final String globexToken;

    ScimFixture(Path dir) {
        this.gw = TestGateway.start(dir);
        JsonNode acme = makeToken("acme", "Okta");
        this.acmeToken = acme.get("token").asText();
        this.acmeTokenId = acme.get("id").asText();
        this.globexToken = makeToken("globex", "Entra").get("token").asText();
        // Jersey on java.net.http: HttpURLConnection, its default, cannot send PATCH
        this.client = ClientBuilder.newClient(new ClientConfig().connectorProvider(new JavaNetHttpConnectorProvider()));
    }

    JsonNode makeToken(String tenant, String name) {
        HttpResponse<String> r = gw.call("POST", "/api/v1/admin/scim-tokens", gw.signIn(tenant, "admin1"),
                "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestGateway.json(r.body());
    }

    /** The SDK's client for a tenant's token; each of its exchanges is held to the OpenAPI document. */
    ScimService service(String token) {
        return new ScimService(client.target(gw.baseUrl() + "/scim/v2")
                .register((jakarta.ws.rs.client.ClientRequestFilter) req ->
                        req.getHeaders().putSingle("Authorization", "Bearer " + token))
                .register((jakarta.ws.rs.client.ClientResponseFilter) ScimFixture::holdToContract));
    }

    /** Checks one exchange of the SDK against the OpenAPI document, leaving the answer readable for the SDK. */
    private static void holdToContract(jakarta.ws.rs.client.ClientRequestContext req,
                                       jakarta.ws.rs.client.ClientResponseContext res) throws java.io.IOException {
        byte[] answer = res.hasEntity() ? res.getEntityStream().readAllBytes() : new byte[0];
        res.setEntityStream(new java.io.ByteArrayInputStream(answer));
        String sent = req.hasEntity() ? JsonUtils.getObjectWriter().writeValueAsString(req.getEntity()) : null;
        OpenApiContract.shared().check(new OpenApiContract.Exchange(req.getMethod(), req.getUri(),
                req.getMediaType() == null ? null : req.getMediaType().toString(), sent, true, res.getStatus(),
                res.getMediaType() == null ? null : res.getMediaType().toString(),
                new String(answer, java.nio.charset.StandardCharsets.UTF_8), Map.copyOf(res.getHeaders())));
    }

    /** A raw request, as an identity provider sends it. */
    HttpResponse<String> call(String method, String path, String token, String body) {
        return gw.call(method, path, token, body);
    }

    /** A raw request the test makes wrong on purpose: only the answer is held to the OpenAPI document. */
    HttpResponse<String> callMalformed(String method, String path, String token, String body) {
        return gw.callMalformed(method, path, token, body);
    }

    GatewayStore store() {
        return gw.server().store();
    }

    User user(String id) {
        return store().findUserById(id).orElseThrow();
    }

    List<AdminChange> changesBy(String tenant, String actorId) {
        return store().searchAdminChanges(new AdminChangeQuery(tenant, actorId, null, null, null, null, 500, null))
                .items();
    }

    static JsonNode json(HttpResponse<String> r) {
        return TestGateway.json(r.body());
    }

    @Override
    public void close() {
        client.close();
        gw.close();
    }
}
