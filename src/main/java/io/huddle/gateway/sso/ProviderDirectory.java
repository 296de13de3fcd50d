package io.huddle.gateway.sso;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.huddle.domain.DomainException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway knows of each OpenID provider: its discovery document and its signing keys, per issuer.
 * A document is kept for an hour; a failed fetch keeps nothing, so the next sign-in asks again, and
 * {@link #forget} drops a document after its provider failed a call. The keys (JWKS) are cached by Nimbus and
 * fetched again, at most once every 30 s, when a token names a key they do not hold: a rotation at the
 * provider works at once, and tokens with made-up key ids cannot flood it.
 */
public final class ProviderDirectory {
    /** Each call to a provider: connect and read, each at most this long. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    private static final int MAX_JWKS_BYTES = 512 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ProviderDirectory.class);

    /** One provider as discovered: its endpoints and its keys. */
    record Provider(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {
    }

    private final int timeoutMillis;
    private final Cache<String, Provider> providers = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(METADATA_LIFETIME)
            .executor(Runnable::run) // no pool to own
            .build();

    public ProviderDirectory(Duration timeout) {
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    int timeoutMillis() {
        return timeoutMillis;
    }

    /** The provider behind this issuer, discovered now or recently; 502 or 504 when it cannot be. */
    Provider provider(String issuer) {
        return providers.get(issuer, this::discover);
    }

    /** Forgets what was discovered of this issuer, so the next sign-in discovers it again. */
    void forget(String issuer) {
        providers.invalidate(issuer);
    }

    private Provider discover(String issuer) {
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), timeoutMillis, timeoutMillis);
        } catch (IOException e) {
            throw unreachable(issuer, "its discovery document", e);
        } catch (GeneralException e) {
            LOG.warn("OpenID provider {} answered discovery with something unusable: {}", issuer, e.getMessage());
            throw new DomainException(DomainException.Kind.IDENTITY_PROVIDER_ERROR, "the identity provider " + issuer
                    + " answered discovery with no usable OpenID Connect metadata: " + e.getMessage());
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw new DomainException(DomainException.Kind.IDENTITY_PROVIDER_ERROR, "the identity provider " + issuer
                    + " names no authorization endpoint, token endpoint or JWKS in its discovery document");
        }
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever(timeoutMillis, timeoutMillis, MAX_JWKS_BYTES))
                    .cache(true)
                    .rateLimited(true)
                    .build();
            LOG.info("Discovered OpenID provider {} (token endpoint {}, JWKS {})", issuer,
                    metadata.getTokenEndpointURI(), metadata.getJWKSetURI());
            return new Provider(metadata, keys);
        } catch (MalformedURLException e) {
            throw new DomainException(DomainException.Kind.IDENTITY_PROVIDER_ERROR, "the identity provider " + issuer
                    + " names a JWKS address that is not a URL: " + metadata.getJWKSetURI());
        }
    }

    /** A provider that could not be reached: 504 when it did not answer in time, else 502; logged with why. */
    static DomainException unreachable(String issuer, String what, IOException e) {
        boolean late = e instanceof SocketTimeoutException || e instanceof HttpTimeoutException;
        LOG.warn("OpenID provider {} could not be reached for {}: {}", issuer, what, e.toString());
        return late
                ? new DomainException(DomainException.Kind.IDENTITY_PROVIDER_TIMEOUT, "the identity provider " + issuer
                        + " did not answer " + what + " within " + TIMEOUT.toSeconds() + " s: try again later")
                : new DomainException(DomainException.Kind.IDENTITY_PROVIDER_ERROR, "the identity provider " + issuer
                        + " cannot be reached for " + what + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): try again later");
    }
}
