package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's side of single sign-on, as a desktop client plays it: a PKCE verifier and its challenge,
 * {@code /sso/start}, the browser's visit to the authorization URL (a plain client that does not follow the
 * redirect), the code and state from the redirect's Location, {@code /sso/finish}.
 */
final class SsoFlow {
    static final String REDIRECT = "http://127.0.0.1:47123/callback";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One sign-in up to the redirect back to the app. */
    record Authorized(String state, String code, String verifier, String nonce) {
    }

    private SsoFlow() {
    }

    static String verifier() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Api.Res start(Api api, String tenant, String verifier) {
        return api.post(V1 + "/sso/start", null, body("tenant", tenant, "redirectUri", REDIRECT,
                "codeChallenge", challenge(verifier), "codeChallengeMethod", "S256"));
    }

    /** Starts, and follows the authorization URL to the provider's redirect back to the app. */
    static Authorized authorize(Api api, String tenant) {
        String verifier = verifier();
        Api.Res started = start(api, tenant, verifier).expect(201);
        String state = started.json().get("state").asText();
        URI url = URI.create(started.json().get("authorizationUrl").asText());
        Map<String, String> asked = query(url);
        assertThat(asked).containsEntry("code_challenge", challenge(verifier))
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", REDIRECT)
                .containsEntry("state", state);
        try {
            HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("the provider's answer to the authorization request").isEqualTo(302);
            URI back = URI.create(r.headers().firstValue("Location").orElseThrow());
            assertThat(back.toString()).startsWith(REDIRECT);
            Map<String, String> got = query(back);
            assertThat(got.get("state")).as("the state the app must check").isEqualTo(state);
            return new Authorized(state, got.get("code"), verifier, asked.get("nonce"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Api.Res finish(Api api, Authorized a) {
        return finish(api, a.state(), a.code(), a.verifier());
    }

    static Api.Res finish(Api api, String state, String code, String verifier) {
        return api.post(V1 + "/sso/finish", null, body("state", state, "code", code, "codeVerifier", verifier));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : uri.getRawQuery().split("&")) {
            String[] kv = p.split("=", 2);
            m.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return m;
    }
}
