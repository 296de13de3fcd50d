package io.huddle.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;

/**
 * A real OpenID provider in the test JVM (mock-oauth2-server): discovery, an authorization endpoint that
 * redirects at once with a code, a token endpoint that checks the PKCE verifier, and a JWKS. It signs with
 * {@link #signingKey}, which the test holds, so a test can also make the token endpoint answer one ID token of
 * its own making ({@link #answerNextTokenRequestWith}): expired, for another audience, or signed by another key.
 */
public final class OidcProviderStandIn implements AutoCloseable {
    public static final String ISSUER_ID = "default";
    /** The provider names its key after the issuer id, whatever id the key had. */
    public static final String KEY_ID = ISSUER_ID;

    private final RSAKey signingKey;
    private final MockOAuth2Server server;
    private final AtomicReference<SignedJWT> nextIdToken = new AtomicReference<>();

    public OidcProviderStandIn() {
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        KeyProvider keys = new KeyProvider(List.of(signingKey), JWSAlgorithm.RS256.getName());
        this.server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(keys, (Instant) null), Set.of(), new NettyWrapper()), new CannedTokenRoute());
        server.start();
    }

    /** The issuer URL, as discovery and ID tokens state it. */
    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** The next code exchange's ID token has this subject and these claims (beside iss, aud, nonce, exp, iat). */
    public void nextSignIn(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(), null,
                claims, 3600));
    }

    /** The next call of the token endpoint answers this ID token, whatever the code and verifier. */
    public void answerNextTokenRequestWith(JWTClaimsSet claims, RSAKey signer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signer));
            nextIdToken.set(jwt);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** Answers the token endpoint with the canned ID token, once, when there is one. */
    private final class CannedTokenRoute implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return nextIdToken.get() != null && "POST".equals(request.getMethod())
                    && request.getUrl().encodedPath().endsWith("/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            SignedJWT token = nextIdToken.getAndSet(null);
            String body = "{\"access_token\":\"canned\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"id_token\":\"" + token.serialize() + "\"}";
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, body,
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
