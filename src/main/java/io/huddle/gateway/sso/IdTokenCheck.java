package io.huddle.gateway.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.huddle.domain.DomainException;
import io.huddle.domain.OidcProvider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an ID token (OpenID Connect Core 3.1.3.7) with Nimbus: signed by a key of the provider's JWKS with an
 * algorithm the provider announces (never "none" or a shared secret), issued by the tenant's issuer to its
 * client id, not expired and not issued in the future (a minute of clock skew either way), and carrying the
 * nonce of this sign-in. A failure answers 401 naming the check.
 */
final class IdTokenCheck {
    static final int MAX_CLOCK_SKEW_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(IdTokenCheck.class);

    IDTokenClaimsSet check(OidcProvider oidc, ProviderDirectory.Provider provider, JWT idToken, String nonce) {
        IDTokenValidator validator = new IDTokenValidator(provider.metadata().getIssuer(),
                new ClientID(oidc.clientId()),
                new JWSVerificationKeySelector<SecurityContext>(algorithms(provider), provider.keys()), null);
        validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        try {
            return validator.validate(idToken, new Nonce(nonce));
        } catch (BadJOSEException e) {
            String check = checkOf(e.getMessage());
            LOG.warn("ID token from {} refused: the {} check failed ({})", oidc.issuer(), check, e.getMessage());
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "the ID token failed the " + check
                    + " check: " + why(check, oidc) + "; sign in again");
        } catch (JOSEException e) {
            if (e instanceof RateLimitReachedException || e.getCause() instanceof RateLimitReachedException) {
                // a key id the JWKS did not hold a moment ago: made up, or a rotation the next refresh will see
                LOG.warn("ID token from {} refused: it names a key its JWKS does not hold", oidc.issuer());
                throw new DomainException(DomainException.Kind.UNAUTHORIZED, "the ID token failed the signature"
                        + " check: it names a key the provider's JWKS does not hold; sign in again");
            }
            if (e instanceof KeySourceException || e.getCause() instanceof KeySourceException) {
                LOG.warn("the JWKS of {} could not be fetched: {}", oidc.issuer(), e.toString());
                throw new DomainException(DomainException.Kind.IDENTITY_PROVIDER_ERROR, "the identity provider "
                        + oidc.issuer() + " cannot be reached for its signing keys (JWKS): try again later");
            }
            LOG.warn("ID token from {} refused: its signature could not be checked ({})", oidc.issuer(), e.toString());
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "the ID token failed the signature check:"
                    + " it could not be verified; sign in again");
        }
    }

    /** The asymmetric signature algorithms the provider announces for ID tokens; RS256 when it names none. */
    private static Set<JWSAlgorithm> algorithms(ProviderDirectory.Provider provider) {
        List<JWSAlgorithm> announced = provider.metadata().getIDTokenJWSAlgs();
        Set<JWSAlgorithm> usable = new LinkedHashSet<>();
        if (announced != null) {
            announced.stream().filter(JWSAlgorithm.Family.SIGNATURE::contains).forEach(usable::add);
        }
        return usable.isEmpty() ? Set.of(JWSAlgorithm.RS256) : usable;
    }

    /** Which check a Nimbus refusal is about, from its message (Nimbus gives no code). */
    private static String checkOf(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("nonce")) {
            return "nonce";
        }
        if (m.contains("audience") || m.contains("azp")) {
            return "audience";
        }
        if (m.contains("issuer")) {
            return "issuer";
        }
        if (m.contains("expired") || m.contains("expiration") || m.contains("issue time")) {
            return "expiry";
        }
        if (m.contains("subject")) {
            return "subject";
        }
        return "signature";
    }

    private static String why(String check, OidcProvider oidc) {
        return switch (check) {
            case "nonce" -> "it was not issued for this sign-in";
            case "audience" -> "it was not issued to the client '" + oidc.clientId() + "'";
            case "issuer" -> "it was not issued by " + oidc.issuer();
            case "expiry" -> "it has expired, or was issued in the future (more than " + MAX_CLOCK_SKEW_SECONDS
                    + " s of clock difference)";
            case "subject" -> "it names no subject";
            default -> "it is not signed by a key of the provider's JWKS";
        };
    }
}
