package io.huddle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.OidcProvider;
import io.huddle.domain.Role;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The gateway's side of single sign-on (docs/identity.md, "The flow"), standing in until the gateway answers
 * it itself: a loopback front that sends {@code /api/v1/sign-in-options} and {@code /api/v1/sso/*} to a small
 * HTTP server here and every other connection (REST, the stream) to the real gateway. The three endpoints follow
 * the contract: the tenant's identity settings come from the gateway's store, the code is exchanged at the
 * provider with the verifier (Nimbus), the ID token's signature, issuer, audience, expiry and nonce are checked,
 * the groups are mapped; the session is then the gateway's own, taken with the demo password of the user the
 * token names. When the gateway answers the contract itself, {@link #front} returns it untouched.
 */
public final class SsoStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String SSO_PREFIXES = "/api/v1/sign-in-options|/api/v1/sso/";

    private final URI gateway;
    private final GatewayStore store;
    private final char[] password;
    private final HttpServer endpoints;
    private final ServerSocket front;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sso-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().executor(threads).build();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(String tenant, URI redirectUri, Nonce nonce, Instant expiresAt) {
    }

    private SsoStandIn(URI gateway, GatewayStore store, char[] password) throws IOException {
        this.gateway = gateway;
        this.store = store;
        this.password = password.clone();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.endpoints = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        endpoints.setExecutor(threads);
        endpoints.createContext("/api/v1/sign-in-options", this::options);
        endpoints.createContext("/api/v1/sso/start", this::start);
        endpoints.createContext("/api/v1/sso/finish", this::finish);
        endpoints.start();
        this.front = new ServerSocket(0, 50, loopback);
        threads.execute(this::accept);
    }

    /**
     * The address apps should use for {@code gateway}: the gateway itself when it answers the sign-in options, or
     * a stand-in in front of it (closed with the returned handle).
     */
    public static Front front(URI gateway, GatewayStore store, char[] demoPassword) throws IOException {
        HttpResponse<String> probe;
        try {
            probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve(
                    "/api/v1/sign-in-options?tenant=acme")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (probe.statusCode() == 200) {
            return new Front(gateway, () -> { });
        }
        SsoStandIn standIn = new SsoStandIn(gateway, store, demoPassword);
        return new Front(URI.create("http://127.0.0.1:" + standIn.front.getLocalPort()), standIn::close);
    }

    /** Where apps reach the gateway, and what to close. */
    public record Front(URI base, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    private void options(HttpExchange ex) throws IOException {
        String tenant = query(ex.getRequestURI()).getOrDefault("tenant", "");
        IdentitySettings s = store.identitySettings(tenant).orElse(IdentitySettings.defaults(tenant));
        ObjectNode body = JSON.createObjectNode().put("localSignIn", s.localSignIn());
        if (s.oidc() == null) {
            body.putNull("sso");
        } else {
            body.putObject("sso").put("displayName", s.oidc().displayName());
        }
        send(ex, 200, body);
    }

    private void start(HttpExchange ex) throws IOException {
        JsonNode req = JSON.readTree(ex.getRequestBody());
        String tenant = req.path("tenant").asText();
        Optional<OidcProvider> oidc = store.identitySettings(tenant).map(IdentitySettings::oidc);
        URI redirect = URI.create(req.path("redirectUri").asText());
        if (oidc.isEmpty() || !"S256".equals(req.path("codeChallengeMethod").asText())
                || !"127.0.0.1".equals(redirect.getHost())) {
            error(ex, 400, "invalid", "single sign-on is not on for this tenant, or the request is not the contract's");
            return;
        }
        OIDCProviderMetadata provider = metadata(oidc.get());
        CodeChallenge challenge;
        try {
            challenge = CodeChallenge.parse(req.path("codeChallenge").asText());
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            error(ex, 400, "invalid", "codeChallenge: " + e.getMessage());
            return;
        }
        State state = new State();
        Nonce nonce = new Nonce();
        Instant expires = Instant.now().plusSeconds(600);
        pending.put(state.getValue(), new Pending(tenant, redirect, nonce, expires));
        URI url = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(oidc.get().scopes().toArray(
                String[]::new)), new ClientID(oidc.get().clientId()), redirect)
                .endpointURI(provider.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(challenge, CodeChallengeMethod.S256)
                .build().toURI();
        send(ex, 201, JSON.createObjectNode().put("authorizationUrl", url.toString()).put("state", state.getValue())
                .put("expiresAt", expires.toString()));
    }

    private void finish(HttpExchange ex) throws IOException {
        JsonNode req = JSON.readTree(ex.getRequestBody());
        Pending p = pending.remove(req.path("state").asText());
        if (p == null || p.expiresAt().isBefore(Instant.now())) {
            error(ex, 400, "invalid", "the sign-in's state is unknown, expired or used");
            return;
        }
        IdentitySettings settings = store.identitySettings(p.tenant()).orElseThrow();
        OidcProvider oidc = settings.oidc();
        try {
            OIDCProviderMetadata provider = metadata(oidc);
            TokenResponse answer = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                    new ClientID(oidc.clientId()), new AuthorizationCodeGrant(new AuthorizationCode(
                    req.path("code").asText()), p.redirectUri(), new CodeVerifier(req.path("codeVerifier").asText())))
                    .toHTTPRequest().send());
            if (!answer.indicatesSuccess()) {
                error(ex, 401, "unauthorized", "the identity provider refused the code: "
                        + answer.toErrorResponse().getErrorObject().getCode());
                return;
            }
            JWT idToken = answer.toSuccessResponse().getTokens().toOIDCTokens().getIDToken();
            JWTClaimsSet claims = new IDTokenValidator(new Issuer(oidc.issuer()), new ClientID(oidc.clientId()),
                    JWSAlgorithm.RS256, provider.getJWKSetURI().toURL()).validate(idToken, p.nonce()).toJWTClaimsSet();
            String username = claims.getStringClaim(oidc.usernameClaim());
            List<String> groups = claims.getStringListClaim(oidc.groupsClaim());
            if (settings.place(groups == null ? List.of() : groups).isEmpty()) {
                error(ex, 403, "forbidden", username + " is in no group that gives a role in Huddle; ask your"
                        + " administrator to add you to one of " + settings.mappedGroups());
                return;
            }
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/sessions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("tenant", p.tenant(), "username", username,
                                    "password", new String(password))))).build(), HttpResponse.BodyHandlers.ofString());
            if (session.statusCode() != 201 && session.statusCode() != 200) {
                error(ex, 403, "forbidden", username + " is not known to Huddle in " + p.tenant());
                return;
            }
            send(ex, 201, JSON.readTree(session.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 504, "unavailable", "interrupted");
        } catch (Exception e) {
            error(ex, 401, "unauthorized", "the ID token failed a check: " + e.getMessage());
        }
    }

    private static OIDCProviderMetadata metadata(OidcProvider oidc) throws IOException {
        try {
            return OIDCProviderMetadata.resolve(new Issuer(oidc.issuer()));
        } catch (com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new IOException("the provider's metadata could not be read", e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new java.util.HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void error(HttpExchange ex, int status, String error, String message) throws IOException {
        send(ex, status, JSON.createObjectNode().put("error", error).put("message", message));
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        // one request per connection: the front routes a connection by its first request only
        ex.getResponseHeaders().set("Connection", "close");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void accept() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                threads.execute(() -> route(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads the first request line and pipes the connection to the stand-in's endpoints or to the gateway. */
    private void route(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                head.write(b);
            }
            head.write('\n');
            String line = head.toString(StandardCharsets.ISO_8859_1);
            String[] parts = line.split(" ");
            boolean sso = parts.length > 1 && parts[1].matches("(" + SSO_PREFIXES + ").*");
            int port = sso ? endpoints.getAddress().getPort() : gateway.getPort();
            try (Socket upstream = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
                upstream.getOutputStream().write(head.toByteArray());
                threads.execute(() -> pipe(in, upstream));
                upstream.getInputStream().transferTo(client.getOutputStream());
            }
        } catch (IOException e) {
            // a connection closed by one side: nothing to route any more
        }
    }

    private static void pipe(InputStream in, Socket upstream) {
        try {
            in.transferTo(upstream.getOutputStream());
            upstream.shutdownOutput();
        } catch (IOException e) {
            // the other direction ended the connection
        }
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        endpoints.stop(0);
        threads.shutdownNow();
    }
}
