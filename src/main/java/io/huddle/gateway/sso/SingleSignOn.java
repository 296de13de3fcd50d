package io.huddle.gateway.sso;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.huddle.domain.DomainException;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.OidcProvider;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.SsoAttempt;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on for native apps (docs/identity.md, "The flow"; RFC 8252 with PKCE): {@link #start} makes the
 * state and nonce, keeps them in the store for {@link #ATTEMPT_LIFETIME} and answers the provider's authorization
 * URL; {@link #finish} takes the state once, trades the code for an ID token, checks it, finds or creates the
 * user and starts a Huddle session. The app keeps the PKCE verifier; the gateway never sees it before finish.
 */
public final class SingleSignOn {
    public static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOn.class);

    private final GatewayStore store;
    private final ProviderDirectory providers;
    private final TokenExchange exchange;
    private final IdTokenCheck check = new IdTokenCheck();
    private final SsoPeople people;
    private final AuthService auth;
    private final Clock clock;

    public SingleSignOn(GatewayStore store, ProviderDirectory providers, AuthService auth, Clock clock) {
        this.store = store;
        this.providers = providers;
        this.exchange = new TokenExchange(providers);
        this.people = new SsoPeople(store, clock);
        this.auth = auth;
        this.clock = clock;
    }

    /** How a tenant's people sign in; an unknown tenant answers like one without single sign-on. */
    public record Options(boolean localSignIn, String ssoDisplayName) {
    }

    public Options options(String tenant) {
        IdentitySettings s = tenant == null || tenant.isBlank() ? IdentitySettings.defaults("")
                : store.identitySettings(tenant.strip()).orElse(IdentitySettings.defaults(tenant.strip()));
        return new Options(s.localSignIn(), s.oidc() == null ? null : s.oidc().displayName());
    }

    /** A begun sign-in: where to send the browser, the state the redirect must carry, and until when. */
    public record Started(URI authorizationUrl, String state, Instant expiresAt) {
    }

    public Started start(String tenant, String redirectUri, String codeChallenge, String codeChallengeMethod) {
        if (tenant == null || tenant.isBlank()) {
            throw DomainException.badRequest("field 'tenant' is required");
        }
        URI redirect = LoopbackRedirect.parse(redirectUri);
        if (!"S256".equals(codeChallengeMethod)) {
            throw DomainException.badRequest("field 'codeChallengeMethod' must be \"S256\"");
        }
        if (codeChallenge == null || !codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
            throw DomainException.badRequest("field 'codeChallenge' must be the base64url S256 digest of the"
                    + " verifier (43 characters)");
        }
        CodeChallenge challenge;
        try {
            challenge = CodeChallenge.parse(codeChallenge);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw DomainException.badRequest("field 'codeChallenge' is not a PKCE code challenge");
        }
        IdentitySettings settings = store.identitySettings(tenant.strip()).orElse(null);
        if (settings == null || settings.oidc() == null) {
            throw DomainException.badRequest("tenant '" + tenant.strip() + "' does not use single sign-on");
        }
        OidcProvider oidc = settings.oidc();
        ProviderDirectory.Provider provider = providers.provider(oidc.issuer());
        State state = new State();
        Nonce nonce = new Nonce();
        Instant expires = clock.instant().plus(ATTEMPT_LIFETIME);
        Scope scope = new Scope(oidc.scopes().toArray(String[]::new));
        if (!scope.contains("openid")) {
            scope.add("openid");
        }
        URI url = new AuthenticationRequest.Builder(ResponseType.CODE, scope, new ClientID(oidc.clientId()), redirect)
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(challenge, CodeChallengeMethod.S256)
                .build()
                .toURI();
        store.saveSsoAttempt(new SsoAttempt(AuthService.digest(state.getValue()), settings.tenant(), oidc.issuer(),
                nonce.getValue(), redirect.toString(), expires));
        return new Started(url, state.getValue(), expires);
    }

    public AuthService.SignIn finish(String state, String code, String codeVerifier) {
        if (state == null || state.isBlank() || code == null || code.isBlank() || codeVerifier == null) {
            throw DomainException.badRequest("fields 'state', 'code' and 'codeVerifier' are required");
        }
        CodeVerifier verifier;
        try {
            verifier = new CodeVerifier(codeVerifier);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("field 'codeVerifier' must be 43 to 128 characters of A-Z, a-z, 0-9,"
                    + " '-', '.', '_' or '~' (RFC 7636)");
        }
        Optional<SsoAttempt> taken = store.takeSsoAttempt(AuthService.digest(state));
        if (taken.isEmpty() || !clock.instant().isBefore(taken.get().expiresAt())) {
            throw DomainException.badRequest("this sign-in was already used or has expired: start again");
        }
        SsoAttempt attempt = taken.get();
        IdentitySettings settings = store.identitySettings(attempt.tenant()).orElse(null);
        if (settings == null || settings.oidc() == null || !settings.oidc().issuer().equals(attempt.issuer())) {
            throw DomainException.badRequest("the single sign-on of tenant '" + attempt.tenant()
                    + "' changed during this sign-in: start again");
        }
        OidcProvider oidc = settings.oidc();
        ProviderDirectory.Provider provider = providers.provider(oidc.issuer());
        JWT idToken = exchange.idToken(oidc, provider, code, URI.create(attempt.redirectUri()), verifier);
        IDTokenClaimsSet claims = check.check(oidc, provider, idToken, attempt.nonce());
        User user = people.userFor(settings, claims);
        AuthService.SignIn session = auth.startSession(user);
        LOG.info("User '{}' of tenant '{}' signed in through {}", user.username(), user.tenant(), oidc.issuer());
        return session;
    }
}
