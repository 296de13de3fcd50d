package io.huddle.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.huddle.client.BrowserSignInException.Kind;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One single sign-on through the system browser (docs/identity.md, "The flow"): a PKCE verifier and its S256
 * challenge, a {@link LoopbackRedirect} on 127.0.0.1, {@code POST /api/v1/sso/start}, the provider's page in
 * the {@link Browser}, the redirect (its state checked), {@code POST /api/v1/sso/finish}. Answers the same
 * {@link SignedIn} as a password sign-in. One attempt per instance; {@link #cancel()} may be called from any
 * thread. The listener is closed on every path. Never logs the code, the state, the verifier or a token.
 */
public final class BrowserSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserSignIn.class);
    /** How long the person has to sign in at the provider. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** What the app shows while the person is in the browser. */
    @FunctionalInterface
    public interface Progress {
        /**
         * The provider's page is open in the browser ({@code opened}), or no browser could be opened and the
         * person should open {@code page} themselves. Called on the signing-in thread.
         */
        void waiting(URI page, boolean opened);
    }

    private final URI base;
    private final String tenant;
    private final Browser browser;
    private final Duration wait;
    private LoopbackRedirect listener;
    private boolean cancelled;

    public BrowserSignIn(URI base, String tenant, Browser browser, Duration wait) {
        this.base = base;
        this.tenant = tenant;
        this.browser = browser;
        this.wait = wait;
    }

    /** Signs in with {@link GatewayClient}'s timeouts and no check of the session. Blocking. */
    public SignedIn signIn(Progress progress) {
        return signIn(progress, UnaryOperator.identity());
    }

    /**
     * Signs in; blocking, off the UI thread. {@code accept} may refuse the session (throw) before the browser is
     * told the outcome, so the page and the app say the same thing.
     *
     * @throws BrowserSignInException  cancelled, timed out, refused by the provider, a redirect of another sign-in
     * @throws GatewayException        the gateway refused (403: no role for this person, 401: a failed check)
     * @throws GatewayUnreachableException the gateway could not be reached
     */
    public SignedIn signIn(Progress progress, UnaryOperator<SignedIn> accept) {
        CodeVerifier verifier = new CodeVerifier();
        try (LoopbackRedirect loopback = openListener(); Http http = new Http(base, GatewayClient.CONNECT_TIMEOUT,
                GatewayClient.READ_TIMEOUT)) {
            Started started = start(http, loopback.redirectUri(), CodeChallenge.compute(CodeChallengeMethod.S256,
                    verifier));
            URI page = URI.create(started.authorizationUrl());
            progress.waiting(page, open(page));
            AuthorizationSuccessResponse redirect = checked(awaitRedirect(loopback), started.state(), loopback);
            try {
                SignedIn session = accept.apply(finish(http, started.state(), redirect.getAuthorizationCode()
                        .getValue(), verifier.getValue()));
                loopback.answer("Signed in to Huddle", "You can close this tab and go back to Huddle.");
                LOG.info("single sign-on: {} of {} signed in", session.user().username(), tenant);
                return session;
            } catch (RuntimeException e) {
                loopback.answer("Not signed in", String.valueOf(e.getMessage()));
                throw e;
            }
        }
    }

    /** Stops the sign-in: {@link #signIn} throws {@link BrowserSignInException} ({@link Kind#CANCELLED}). */
    public void cancel() {
        LoopbackRedirect l;
        synchronized (this) {
            cancelled = true;
            l = listener;
        }
        if (l != null) {
            l.cancel();
        }
    }

    private LoopbackRedirect openListener() {
        LoopbackRedirect l;
        try {
            l = LoopbackRedirect.open();
        } catch (IOException e) {
            throw new BrowserSignInException(Kind.NO_LISTENER, "Huddle could not listen for the browser's answer on"
                    + " this computer (" + e.getMessage() + ")", e);
        }
        synchronized (this) {
            listener = l;
            if (cancelled) {
                l.cancel();
            }
        }
        return l;
    }

    private boolean open(URI page) {
        try {
            browser.open(page);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("single sign-on: no browser could be opened ({}); the person is shown the address", e.toString());
            return false;
        }
    }

    private AuthorizationResponse awaitRedirect(LoopbackRedirect loopback) {
        try {
            return loopback.await(wait);
        } catch (CancellationException e) {
            throw new BrowserSignInException(Kind.CANCELLED, "the sign-in was cancelled", e);
        } catch (TimeoutException e) {
            throw new BrowserSignInException(Kind.TIMED_OUT, "the sign-in window was closed or timed out: no answer"
                    + " came from the browser within " + minutes(wait), e);
        } catch (ParseException e) {
            loopback.answer("Not signed in", "The answer from the sign-in page could not be read.");
            throw new BrowserSignInException(Kind.REFUSED_BY_PROVIDER, "the browser came back without a sign-in ("
                    + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserSignInException(Kind.CANCELLED, "the sign-in was interrupted", e);
        }
    }

    private static AuthorizationSuccessResponse checked(AuthorizationResponse redirect, String state,
                                                        LoopbackRedirect loopback) {
        if (redirect.getState() == null || !state.equals(redirect.getState().getValue())) {
            loopback.answer("Not signed in", "This answer does not belong to the sign-in Huddle started. Go back"
                    + " to Huddle and sign in again.");
            throw new BrowserSignInException(Kind.WRONG_STATE, "the browser came back with an answer that does not"
                    + " belong to this sign-in; it was refused. Sign in again.", null);
        }
        if (!redirect.indicatesSuccess()) {
            String words = providerError(((AuthorizationErrorResponse) redirect).getErrorObject());
            loopback.answer("Not signed in", words + ". Go back to Huddle.");
            throw new BrowserSignInException(Kind.REFUSED_BY_PROVIDER, words, null);
        }
        return redirect.toSuccessResponse();
    }

    /** The provider's error response in words: what it means, then the provider's own code and description. */
    static String providerError(ErrorObject error) {
        String code = error == null || error.getCode() == null ? "unknown_error" : error.getCode();
        String meaning = switch (code) {
            case "access_denied" -> "the sign-in was refused or cancelled at the identity provider";
            case "login_required", "interaction_required", "consent_required" ->
                    "the identity provider needs you to sign in there first";
            case "temporarily_unavailable", "server_error" -> "the identity provider could not sign you in just now;"
                    + " try again in a minute";
            default -> "the identity provider refused the sign-in";
        };
        String description = error == null ? null : error.getDescription();
        return meaning + " (" + code + (description == null || description.isBlank() ? "" : ": " + description) + ")";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Started(String authorizationUrl, String state) {
    }

    private Started start(Http http, URI redirectUri, CodeChallenge challenge) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("tenant", tenant);
        body.put("redirectUri", redirectUri.toString());
        body.put("codeChallenge", challenge.getValue());
        body.put("codeChallengeMethod", CodeChallengeMethod.S256.getValue());
        return http.exchange(post(http, "sso/start", body), Http.JSON.constructType(Started.class));
    }

    private SignedIn finish(Http http, String state, String code, String verifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("code", code);
        body.put("codeVerifier", verifier);
        return GatewayClient.session(base, http.exchange(post(http, "sso/finish", body),
                Http.JSON.constructType(JsonNode.class)));
    }

    private static Request post(Http http, String path, Map<String, String> body) {
        try {
            return Http.request(http.url(path, null), null)
                    .post(RequestBody.create(Http.JSON.writeValueAsBytes(body), JSON_TYPE)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON", e);
        }
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes")
                : d.toSeconds() + " seconds";
    }
}
