package io.huddle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The gateway's OpenAPI document (src/main/resources/openapi/huddle.yaml) as a checker of real HTTP exchanges:
 * the path and method must be an operation of the document, the status one of its responses, the content type one
 * it lists, every query parameter one it declares, and each JSON body valid against its schema (JSON Schema draft
 * 2020-12 in OpenAPI 3.1's dialect). The REST tests' HTTP helpers put every exchange through {@link #check}, so a
 * test fails when the gateway and its contract disagree.
 */
public final class OpenApiContract {
    public static final String RESOURCE = "openapi/huddle.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** One request and its answer, as the client saw them. {@code checkRequest} false: a deliberately bad request. */
    public record Exchange(String method, URI uri, String requestContentType, String requestBody, boolean checkRequest,
                           int status, String responseContentType, String responseBody,
                           Map<String, List<String>> responseHeaders) {
    }

    private record Route(String template, Pattern pattern, JsonNode item) {
    }

    private static final class Shared {
        static final OpenApiContract INSTANCE = new OpenApiContract(RESOURCE);
    }

    private final String location;
    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(String resource) {
        this.location = "classpath:" + resource;
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            this.document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String regex = Pattern.quote(p.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(p.getKey(), Pattern.compile(regex), p.getValue()));
        }
        // a literal path wins over a template that also matches it
        routes.sort(Comparator.comparingLong(r -> r.template().chars().filter(c -> c == '{').count()));
    }

    /** The document the gateway serves, read once per test JVM. */
    public static OpenApiContract shared() {
        return Shared.INSTANCE;
    }

    public JsonNode document() {
        return document;
    }

    /** Fails with every disagreement between the exchange and the document. */
    public void check(Exchange e) {
        List<String> problems = problems(e);
        ContractLedger.record(e, operationOf(e), problems.isEmpty());
        if (!problems.isEmpty()) {
            throw new AssertionError("the exchange disagrees with the OpenAPI document (" + RESOURCE + "):\n  "
                    + e.method() + " " + e.uri().getRawPath()
                    + (e.uri().getRawQuery() == null ? "" : "?" + e.uri().getRawQuery()) + " -> " + e.status() + " "
                    + e.responseContentType() + "\n  - " + String.join("\n  - ", problems)
                    + "\n  response body: " + abbreviate(e.responseBody()));
        }
    }

    /** The template and method of the exchange's operation, such as {@code "GET /api/v1/interactions/{id}"}. */
    public String operationOf(Exchange e) {
        Route route = route(e.uri().getRawPath());
        return route == null ? null : e.method().toUpperCase(Locale.ROOT) + " " + route.template();
    }

    /** Every disagreement between the exchange and the document; empty when it holds. */
    public List<String> problems(Exchange e) {
        List<String> problems = new ArrayList<>();
        String path = e.uri().getRawPath();
        Route route = route(path);
        String method = e.method().toLowerCase(Locale.ROOT);
        JsonNode operation = route == null ? null : route.item().get(method);
        String pointer = route == null ? null : "/paths/" + escape(route.template()) + "/" + method;
        if (operation == null) {
            if (e.checkRequest()) {
                problems.add(route == null ? "no path of the document matches " + path
                        : "the document has no " + e.method() + " on " + route.template());
                return problems;
            }
            // a deliberately wrong request: its answer must still be the API's error format
            String error = path.startsWith("/scim/") ? "ScimErrorBody" : "ErrorBody";
            validate("/components/schemas/" + error, e.responseBody(), "the answer to an unknown operation",
                    problems);
            return problems;
        }
        if (e.checkRequest()) {
            checkQuery(route, operation, e.uri(), problems);
            checkRequestBody(operation, pointer, e, problems);
        }
        checkResponse(operation, pointer, e, problems);
        return problems;
    }

    /**
     * Every disagreement between a request the gateway sent to one of the document's webhooks (the platform's
     * {@code callControl}) and what the document says that webhook takes; empty when it holds.
     */
    public List<String> webhookRequestProblems(String webhook, String method, String contentType, String body) {
        String verb = method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.path("webhooks").path(webhook).get(verb);
        if (operation == null) {
            return List.of("the document has no webhook " + method + " " + webhook);
        }
        List<String> problems = new ArrayList<>();
        checkRequestBody(operation, "/webhooks/" + escape(webhook) + "/" + verb, new Exchange(method,
                URI.create("/"), contentType, body, true, 0, null, null, Map.of()), problems);
        return problems;
    }

    private Route route(String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.replaceAll("/+$", "") : rawPath;
        for (Route r : routes) {
            if (r.pattern().matcher(path).matches()) {
                return r;
            }
        }
        return null;
    }

    private void checkQuery(Route route, JsonNode operation, URI uri, List<String> problems) {
        Set<String> declared = new HashSet<>();
        for (JsonNode list : List.of(route.item().path("parameters"), operation.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode param = resolve(p);
                if ("query".equals(param.path("in").asText())) {
                    declared.add(param.path("name").asText());
                }
            }
        }
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!declared.contains(name)) {
                problems.add("query parameter '" + name + "' is not declared (declared: " + declared + ")");
            }
        }
    }

    private void checkRequestBody(JsonNode operation, String pointer, Exchange e, List<String> problems) {
        boolean sent = e.requestBody() != null && !e.requestBody().isEmpty();
        JsonNode body = operation.get("requestBody");
        String bodyPointer = pointer + "/requestBody";
        if (body != null && body.has("$ref")) {
            bodyPointer = body.get("$ref").asText().substring(1);
            body = resolve(body);
        }
        if (body == null) {
            if (sent) {
                problems.add("the operation takes no request body, but one was sent");
            }
            return;
        }
        if (!sent) {
            if (body.path("required").asBoolean(false)) {
                problems.add("the operation requires a request body; none was sent");
            }
            return;
        }
        String type = mediaType(e.requestContentType());
        if (!body.path("content").has(type)) {
            problems.add("request content type '" + type + "' is not one of " + names(body.path("content")));
            return;
        }
        validate(bodyPointer + "/content/" + escape(type) + "/schema", e.requestBody(), "the request body",
                problems);
    }

    private void checkResponse(JsonNode operation, String pointer, Exchange e, List<String> problems) {
        String status = Integer.toString(e.status());
        JsonNode response = operation.path("responses").get(status);
        if (response == null) {
            problems.add("status " + status + " is not a documented answer (documented: "
                    + names(operation.path("responses")) + ")");
            return;
        }
        String responsePointer = pointer + "/responses/" + status;
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = resolve(response);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            boolean present = e.responseHeaders().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(h.getKey()));
            if (resolve(h.getValue()).path("required").asBoolean(false) && !present) {
                problems.add("the answer lacks its required header " + h.getKey());
            }
        }
        JsonNode content = response.get("content");
        boolean answered = e.responseBody() != null && !e.responseBody().isEmpty();
        if (content == null || content.isEmpty()) {
            if (answered) {
                problems.add("status " + status + " is documented without a body, but the answer has one");
            }
            return;
        }
        String type = mediaType(e.responseContentType());
        if (!content.has(type)) {
            problems.add("answer content type '" + type + "' is not one of " + names(content));
            return;
        }
        if (type.endsWith("json")) {
            validate(responsePointer + "/content/" + escape(type) + "/schema", e.responseBody(), "the answer",
                    problems);
        }
    }

    private void validate(String pointer, String body, String what, List<String> problems) {
        if (body == null || body.isBlank()) {
            problems.add(what + " is empty; the document gives it a JSON schema");
            return;
        }
        try {
            JSON.readTree(body);
        } catch (IOException ex) {
            problems.add(what + " is not JSON: " + ex.getMessage());
            return;
        }
        Schema schema = schemas.computeIfAbsent(pointer,
                p -> registry.getSchema(SchemaLocation.of(location + "#" + fragment(p))));
        schema.validate(body, InputFormat.JSON)
                .forEach(err -> problems.add(what + ": " + err.getInstanceLocation() + " " + err.getMessage()
                        + " (schema " + err.getSchemaLocation() + ")"));
    }

    /** A node, or what its {@code $ref} (a pointer into this document's components) names. */
    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n != null && n.has("$ref")) {
            n = document.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A JSON pointer token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment. */
    private static String fragment(String pointer) {
        return pointer.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }
}
