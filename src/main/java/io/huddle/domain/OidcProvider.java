package io.huddle.domain;

import java.util.List;
import java.util.Objects;

/**
 * An OpenID Connect provider a tenant trusts (Okta, Microsoft Entra ID, Google, Keycloak, …). {@code issuer} is
 * the provider's issuer URL exactly as its discovery document and ID tokens state it; {@code clientId} is the
 * client registered there for Huddle, which ID tokens must name as their audience; {@code clientSecret} is null
 * for a public (PKCE-only) client. The claim names say where the user name, the display name and the groups
 * are in the ID token.
 */
public record OidcProvider(String displayName, String issuer, String clientId, String clientSecret,
                           String usernameClaim, String displayNameClaim, String groupsClaim, List<String> scopes) {

    public static final String DEFAULT_USERNAME_CLAIM = "preferred_username";
    public static final String DEFAULT_DISPLAY_NAME_CLAIM = "name";
    public static final String DEFAULT_GROUPS_CLAIM = "groups";

    public OidcProvider {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        displayName = displayName == null || displayName.isBlank() ? "your identity provider" : displayName;
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? DEFAULT_USERNAME_CLAIM : usernameClaim;
        displayNameClaim = displayNameClaim == null || displayNameClaim.isBlank() ? DEFAULT_DISPLAY_NAME_CLAIM
                : displayNameClaim;
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? DEFAULT_GROUPS_CLAIM : groupsClaim;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
    }

    /** This provider as it may be shown to an admin: the client secret is never sent back. */
    public OidcProvider withoutSecret() {
        return new OidcProvider(displayName, issuer, clientId, null, usernameClaim, displayNameClaim, groupsClaim,
                scopes);
    }
}
