package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huddle.testing.OpenApiContract;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document is the REST API's contract: it is valid OpenAPI 3.1, it names every route the gateway serves
 * and no other, the gateway serves it (and its reference page) to anyone, and the checker the REST tests send
 * every exchange through refuses an answer or request the document does not allow.
 */
class OpenApiContractTest {
    @TempDir
    static Path dir;
    static Api api;
    static final OpenApiContract CONTRACT = OpenApiContract.shared();

    @BeforeAll
    static void start() {
        api = Api.start(dir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theDocumentIsValidOpenApi31() throws IOException {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiContract.RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(parsed.getMessages()).as("the parser's complaints").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parsed.getOpenAPI().getPaths()).hasSizeGreaterThan(40);
    }

    @Test
    void everyRouteTheGatewayServesIsInTheDocumentAndNothingElseIs() {
        SortedSet<String> documented = new TreeSet<>();
        CONTRACT.document().path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> {
                    if (!m.equals("parameters")) {
                        documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                    }
                }));
        SortedSet<String> served = api.gw.server().httpRoutes();
        assertThat(served).as("routes the gateway serves; the document must describe each one")
                .containsExactlyElementsOf(documented);
    }

    @Test
    void everyOperationDocumentsItsFailuresAndEverySecuredOneItsRefusal() {
        List<String> lacking = new ArrayList<>();
        CONTRACT.document().path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (m.getKey().equals("parameters")) {
                return;
            }
            JsonNode op = m.getValue();
            String name = m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey();
            JsonNode security = op.has("security") ? op.get("security") : CONTRACT.document().get("security");
            if (!op.path("responses").has("500")) {
                lacking.add(name + ": no 500");
            }
            if (!security.isEmpty() && !op.path("responses").has("401")) {
                lacking.add(name + ": signed, but no 401");
            }
            if (!op.hasNonNull("operationId")) {
                lacking.add(name + ": no operationId");
            }
        }));
        assertThat(lacking).isEmpty();
    }

    @Test
    void theGatewayServesTheDocumentAsJsonToAnyoneAndLetsItBeCached() {
        Api.Res r = api.get(V1 + "/openapi.json", null).expect(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(r.header("Pragma")).isNull();
        assertThat(r.json()).isEqualTo(CONTRACT.document());
    }

    @Test
    void theReferencePageAndItsFilesComeFromTheGatewayItself() {
        Api.Res page = api.get(V1 + "/docs", null).expect(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/api/v1/docs/swagger-ui-bundle.js", "/api/v1/docs/reference.js")
                .doesNotContain("https://");
        assertThat(api.get(V1 + "/docs/swagger-ui-bundle.js", null).expect(200).body()).contains("SwaggerUIBundle");
        assertThat(api.get(V1 + "/docs/swagger-ui.css", null).expect(200).contentType()).startsWith("text/css");
        assertThat(api.get(V1 + "/docs/reference.js", null).expect(200).body()).contains("/api/v1/openapi.json");
        api.malformed().get(V1 + "/docs/index.html", null).expectError(404, "not_found", "index.html");
    }

    @Test
    void anAnswerMissingARequiredFieldIsRefused() {
        Api.Res me = api.get(V1 + "/me", "acme:agent1").expect(200);
        ObjectNode lacking = (ObjectNode) me.json().deepCopy();
        lacking.remove("roles");
        assertThat(CONTRACT.problems(answer("GET", V1 + "/me", 200, "application/json", lacking.toString())))
                .singleElement().asString().contains("required property 'roles' not found");
    }

    @Test
    void anEnumValueTheDocumentDoesNotListIsRefused() {
        String ix = api.interaction("acme:agent1");
        ObjectNode interaction = (ObjectNode) api.get(V1 + "/interactions/" + ix, "acme:agent1").expect(200).json();
        interaction.put("channel", "FAX");
        assertThat(CONTRACT.problems(answer("GET", V1 + "/interactions/" + ix, 200, "application/json",
                interaction.toString()))).singleElement().asString().contains("/channel", "enum");
    }

    @Test
    void anUndocumentedStatusPathMethodParameterOrContentTypeIsRefused() {
        String error = "{\"error\":\"conflict\",\"message\":\"no\"}";
        assertThat(CONTRACT.problems(answer("GET", V1 + "/me", 409, "application/json", error)))
                .singleElement().asString().contains("status 409 is not a documented answer");
        assertThat(CONTRACT.problems(answer("GET", V1 + "/nowhere", 404, "application/json", error)))
                .singleElement().asString().contains("no path of the document matches /api/v1/nowhere");
        assertThat(CONTRACT.problems(answer("DELETE", V1 + "/me", 204, null, "")))
                .singleElement().asString().contains("no DELETE on /api/v1/me");
        assertThat(CONTRACT.problems(answer("GET", V1 + "/actions?sort=desc", 400, "application/json",
                "{\"error\":\"bad_request\",\"message\":\"no\"}")))
                .singleElement().asString().contains("query parameter 'sort' is not declared");
        assertThat(CONTRACT.problems(answer("GET", V1 + "/me", 200, "text/plain", "acme:agent1")))
                .singleElement().asString().contains("'text/plain' is not one of [application/json]");
        assertThat(CONTRACT.problems(answer("GET", V1 + "/me", 401, "application/json", error)))
                .singleElement().asString().contains("/error", "const");
    }

    @Test
    void aRequestBodyTheDocumentDoesNotAllowIsRefusedUnlessTheTestSaysItIsMalformedOnPurpose() {
        String body = "{\"action\":\"WHISTLE\"}";
        OpenApiContract.Exchange checked = new OpenApiContract.Exchange("POST",
                URI.create(V1 + "/interactions/ix-1/actions"), "application/json", body, true, 400, "application/json",
                "{\"error\":\"bad_request\",\"message\":\"no\"}", Map.of());
        assertThat(CONTRACT.problems(checked)).singleElement().asString().contains("the request body", "/action");
        OpenApiContract.Exchange onPurpose = new OpenApiContract.Exchange("POST", checked.uri(), "application/json",
                body, false, 400, "application/json", checked.responseBody(), Map.of());
        assertThat(CONTRACT.problems(onPurpose)).isEmpty();
    }

    @Test
    void theCallControlWebhookTakesTheDocumentedControlAndRefusesAnUnknownType() {
        String monitor = "{\"requestId\":\"cc-1\",\"type\":\"monitor\",\"tenant\":\"acme\",\"interactionId\":\"CA-7\","
                + "\"supervisorId\":\"supervisor1\",\"agentId\":\"agent1\"}";
        assertThat(CONTRACT.webhookRequestProblems("callControl", "POST", "application/json", monitor)).isEmpty();
        assertThat(CONTRACT.webhookRequestProblems("callControl", "POST", "application/json",
                monitor.replace("\"monitor\"", "\"whisper\""))).singleElement().asString().contains("/type", "enum");
    }

    private static OpenApiContract.Exchange answer(String method, String pathAndQuery, int status, String type,
                                                   String body) {
        return new OpenApiContract.Exchange(method, URI.create(pathAndQuery), null, null, true, status, type, body,
                Map.of());
    }
}
