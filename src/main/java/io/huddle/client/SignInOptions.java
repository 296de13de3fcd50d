package io.huddle.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How a tenant's people may sign in ({@code GET /api/v1/sign-in-options}, no sign-in needed): with a password
 * kept by Huddle, with the tenant's identity provider ({@code sso}, null when single sign-on is off), or both.
 * An unknown tenant answers like a tenant without single sign-on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignInOptions(boolean localSignIn, Sso sso) {

    /** The tenant's identity provider, as the gateway names it to people ("Okta"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sso(String displayName) {
    }

    /** Whether a "Sign in with …" button belongs on the form. */
    public boolean singleSignOn() {
        return sso != null;
    }

    /** Asks the gateway; blocking, off the UI thread. */
    public static SignInOptions fetch(URI base, String tenant) {
        return fetch(base, tenant, GatewayClient.CONNECT_TIMEOUT, GatewayClient.READ_TIMEOUT);
    }

    public static SignInOptions fetch(URI base, String tenant, Duration connectTimeout, Duration readTimeout) {
        try (Http http = new Http(base, connectTimeout, readTimeout)) {
            return http.exchange(Http.request(http.url("sign-in-options", Map.of("tenant", tenant)), null).get()
                    .build(), Http.JSON.constructType(SignInOptions.class));
        }
    }
}
