package io.huddle.gateway.sso;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import io.huddle.domain.DomainException;
import io.huddle.domain.OidcProvider;
import java.io.IOException;
import java.net.URI;

/**
 * Trades an authorization code for an ID token at the provider's token endpoint (RFC 6749 section 4.1.3 with
 * RFC 7636's verifier): client_secret_basic when the tenant set a secret, else as a public client naming its
 * client id. The code, the verifier and the tokens are never logged.
 */
final class TokenExchange {
    private final ProviderDirectory providers;

    TokenExchange(ProviderDirectory providers) {
        this.providers = providers;
    }

    JWT idToken(OidcProvider oidc, ProviderDirectory.Provider provider, String code, URI redirectUri,
                CodeVerifier verifier) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier);
        URI endpoint = provider.metadata().getTokenEndpointURI();
        ClientID client = new ClientID(oidc.clientId());
        TokenRequest request = oidc.clientSecret() != null
                ? new TokenRequest.Builder(endpoint, new ClientSecretBasic(client, new Secret(oidc.clientSecret())),
                        grant).build()
                : new TokenRequest.Builder(endpoint, client, grant).build();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(providers.timeoutMillis());
        http.setReadTimeout(providers.timeoutMillis());
        HTTPResponse answer;
        try {
            answer = http.send();
        } catch (IOException e) {
            providers.forget(oidc.issuer());
            throw ProviderDirectory.unreachable(oidc.issuer(), "the code exchange", e);
        }
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(answer);
        } catch (ParseException e) {
            throw new DomainException(DomainException.Kind.IDENTITY_PROVIDER_ERROR, "the identity provider "
                    + oidc.issuer() + " answered the code exchange with HTTP " + answer.getStatusCode()
                    + " and no token response");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "the identity provider refused the code: "
                    + error.getCode() + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")")
                    + "; sign in again");
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse oidcResponse)
                || oidcResponse.getOIDCTokens().getIDToken() == null) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "the identity provider answered without an"
                    + " ID token: the scopes of the tenant's single sign-on must include 'openid'");
        }
        return oidcResponse.getOIDCTokens().getIDToken();
    }
}
