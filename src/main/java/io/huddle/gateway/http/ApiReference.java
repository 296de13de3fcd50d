package io.huddle.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST API's contract, served by the gateway itself: the OpenAPI document (written in YAML, answered as JSON)
 * and a browsable reference page built on Swagger UI's files from its webjar, so nothing is fetched from a CDN.
 * All of it is public and cacheable: it describes the API, it holds nothing of a tenant's.
 */
final class ApiReference {
    static final String DOCUMENT = RestApi.BASE + "/openapi.json";
    static final String PAGE = RestApi.BASE + "/docs";
    /** The OpenAPI document on the classpath: the one source of the contract. */
    static final String SOURCE = "openapi/huddle.yaml";
    /** The swagger-ui webjar's version in pom.xml; OpenApiContractTest fetches these files, so a mismatch fails. */
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.35.0/";
    /** The page's files: name on the wire, classpath resource and content type. */
    private static final Map<String, Asset> ASSETS = Map.of(
            "swagger-ui.css", new Asset(SWAGGER_UI + "swagger-ui.css", "text/css; charset=utf-8"),
            "swagger-ui-bundle.js", new Asset(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
            "reference.js", new Asset("openapi/reference.js", "text/javascript; charset=utf-8"));
    private static final String CACHE = "public, max-age=3600";

    private record Asset(String resource, String contentType) {
    }

    private final HttpSupport http;
    private final ObjectMapper json;
    /** What was asked for once, kept: read at the first request, not at the gateway's start, which it would slow. */
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    ApiReference(HttpSupport http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** The document as JSON, from the YAML it is written in. */
    private byte[] document(String ignored) {
        try {
            return json.writeValueAsBytes(new YAMLMapper().readTree(read(SOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + SOURCE + " cannot be read", e);
        }
    }

    /** Whether a path (without a trailing slash) is part of the reference: open to anyone, and cacheable. */
    static boolean isPublic(String path) {
        return path.equals(DOCUMENT) || path.equals(PAGE) || path.startsWith(PAGE + "/");
    }

    void register(RoutesConfig routes) {
        routes.get(DOCUMENT, ctx -> answer(ctx, "application/json", loaded.computeIfAbsent(SOURCE, this::document)));
        routes.get(PAGE, ctx -> answer(ctx, "text/html; charset=utf-8",
                loaded.computeIfAbsent("openapi/reference.html", ApiReference::read)));
        routes.get(PAGE + "/{asset}", ctx -> {
            Asset asset = ASSETS.get(ctx.pathParam("asset"));
            if (asset == null) {
                http.error(ctx, io.huddle.domain.DomainException.Kind.NOT_FOUND, "no such file of the reference page: "
                        + ctx.pathParam("asset"));
                return;
            }
            answer(ctx, asset.contentType(), loaded.computeIfAbsent(asset.resource(), ApiReference::read));
        });
    }

    private static void answer(Context ctx, String contentType, byte[] body) {
        ctx.header("Cache-Control", CACHE);
        ctx.status(200).contentType(contentType).result(body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiReference.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the gateway's jar lacks " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
