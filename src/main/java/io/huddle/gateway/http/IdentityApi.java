package io.huddle.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.AdminChange;
import io.huddle.domain.DomainException;
import io.huddle.domain.GroupMapping;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.OidcProvider;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.sso.IssuerRule;
import io.huddle.gateway.store.GatewayStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's identity settings (docs/identity.md, "Single sign-on with OpenID Connect"), role admin. A field
 * left out of a PUT keeps its value; {@code "oidc": null} turns single sign-on off. The client secret is never
 * read back: a PUT without {@code clientSecret} keeps the stored one while the issuer and client id stay the
 * same (a secret belongs to one client), {@code "clientSecret": null} removes it.
 */
final class IdentityApi {
    static final String PATH = RestApi.BASE + "/admin/identity";
    static final int MAX_MAPPINGS = 100;

    /** The oidc object of a PUT; claim names and scopes left out take their defaults. */
    record OidcBody(String displayName, String issuer, String clientId, String clientSecret, String usernameClaim,
                    String displayNameClaim, String groupsClaim, List<String> scopes) {
    }

    record MappingBody(String group, List<String> roles, String domain) {
    }

    private final HttpSupport http;
    private final GatewayStore store;
    private final Clock clock;

    IdentityApi(HttpSupport http, GatewayStore store, Clock clock) {
        this.http = http;
        this.store = store;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> http.send(ctx, 200, view(current(admin(ctx, "reading")))));
        routes.put(PATH, this::update);
    }

    private static User admin(Context ctx, String doing) {
        User user = HttpSupport.user(ctx);
        if (!user.has(Role.ADMIN)) {
            throw DomainException.forbidden(doing + " identity settings requires the admin role");
        }
        return user;
    }

    private IdentitySettings current(User admin) {
        return store.identitySettings(admin.tenant()).orElse(IdentitySettings.defaults(admin.tenant()));
    }

    private void update(Context ctx) {
        User admin = admin(ctx, "changing");
        JsonNode body = http.body(ctx, JsonNode.class);
        IdentitySettings now = current(admin);
        boolean localSignIn = bool(body, "localSignIn", now.localSignIn());
        boolean create = bool(body, "createOnFirstSignIn", now.createOnFirstSignIn());
        OidcProvider oidc = body.has("oidc") ? oidc(body.get("oidc"), now.oidc()) : now.oidc();
        List<GroupMapping> mappings = body.has("groupMappings") ? mappings(body.get("groupMappings"))
                : now.groupMappings();
        if (!localSignIn && oidc == null) {
            throw DomainException.badRequest("field 'localSignIn' can be false only with single sign-on set up"
                    + " ('oidc'): people would have no way to sign in");
        }
        IdentitySettings next = new IdentitySettings(admin.tenant(), localSignIn, oidc, create, mappings);
        store.saveIdentitySettings(next, new AdminChange(UUID.randomUUID().toString(), admin.tenant(),
                clock.instant(), admin.id(), admin.username(), "identity.update", "identity", admin.tenant(),
                detail(now, next)));
        http.send(ctx, 200, view(next));
    }

    private static boolean bool(JsonNode body, String field, boolean keep) {
        JsonNode v = body.get(field);
        if (v == null) {
            return keep;
        }
        if (!v.isBoolean()) {
            throw DomainException.badRequest("field '" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    private OidcProvider oidc(JsonNode node, OidcProvider stored) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw DomainException.badRequest("field 'oidc' must be an object or null");
        }
        OidcBody b;
        try {
            b = http.json().treeToValue(node, OidcBody.class);
        } catch (JsonProcessingException e) {
            throw DomainException.badRequest(HttpSupport.describe(e).replace("field '", "field 'oidc."));
        }
        IssuerRule.defect(b.issuer()).ifPresent(d -> {
            throw DomainException.badRequest("field 'oidc.issuer' " + d);
        });
        text("oidc.clientId", b.clientId(), true, 200);
        text("oidc.displayName", b.displayName(), false, 100);
        text("oidc.usernameClaim", b.usernameClaim(), false, 100);
        text("oidc.displayNameClaim", b.displayNameClaim(), false, 100);
        text("oidc.groupsClaim", b.groupsClaim(), false, 100);
        if (b.scopes() != null && (b.scopes().size() > 20 || b.scopes().stream().anyMatch(s -> s == null
                || !s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}")) || !b.scopes().contains("openid"))) {
            throw DomainException.badRequest("field 'oidc.scopes' must hold 'openid' and at most 20 scopes without"
                    + " spaces");
        }
        String issuer = b.issuer().strip();
        String clientId = b.clientId().strip();
        String secret;
        if (node.has("clientSecret")) {
            secret = b.clientSecret() == null || b.clientSecret().isEmpty() ? null : b.clientSecret();
            text("oidc.clientSecret", secret, false, 1000);
        } else {
            boolean sameClient = stored != null && stored.issuer().equals(issuer) && stored.clientId().equals(clientId);
            secret = sameClient ? stored.clientSecret() : null;
        }
        return new OidcProvider(blankToNull(b.displayName()), issuer, clientId, secret, blankToNull(b.usernameClaim()),
                blankToNull(b.displayNameClaim()), blankToNull(b.groupsClaim()), b.scopes());
    }

    private static List<GroupMapping> mappings(JsonNode node) {
        if (!node.isArray()) {
            throw DomainException.badRequest("field 'groupMappings' must be a list");
        }
        if (node.size() > MAX_MAPPINGS) {
            throw DomainException.badRequest("field 'groupMappings' holds " + node.size() + " mappings; at most "
                    + MAX_MAPPINGS + " are allowed");
        }
        List<GroupMapping> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "groupMappings[" + i + "]";
            JsonNode m = node.get(i);
            if (!m.isObject()) {
                throw DomainException.badRequest("field '" + at + "' must be an object {group, roles, domain}");
            }
            String group = m.path("group").isTextual() ? m.get("group").asText() : null;
            text(at + ".group", group, true, 200);
            JsonNode roles = m.path("roles");
            if (!roles.isArray() || roles.isEmpty()) {
                throw DomainException.badRequest("field '" + at + ".roles' must list at least one role");
            }
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (JsonNode r : roles) {
                try {
                    parsed.add(Role.fromWire(r.isTextual() ? r.asText() : String.valueOf(r)));
                } catch (IllegalArgumentException e) {
                    throw DomainException.badRequest("field '" + at + ".roles' names an unknown role " + r
                            + ": expected one of " + wireNames());
                }
            }
            JsonNode d = m.get("domain");
            String domain = d == null || d.isNull() ? null : d.isTextual() ? d.asText() : "";
            if (domain != null) {
                text(at + ".domain", domain, true, 100);
            }
            out.add(new GroupMapping(group, parsed, domain));
        }
        return out;
    }

    private static void text(String field, String value, boolean required, int max) {
        if (value == null) {
            if (required) {
                throw DomainException.badRequest("field '" + field + "' is required");
            }
            return;
        }
        if ((required && value.isBlank()) || value.length() > max) {
            throw DomainException.badRequest("field '" + field + "' must be 1 to " + max + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> wireNames() {
        return java.util.Arrays.stream(Role.values()).map(Role::wireName).toList();
    }

    /** The settings as an admin reads them: roles by wire name, the client secret only as whether it is set. */
    static Map<String, Object> view(IdentitySettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("localSignIn", s.localSignIn());
        Map<String, Object> oidc = null;
        if (s.oidc() != null) {
            OidcProvider p = s.oidc();
            oidc = new LinkedHashMap<>();
            oidc.put("displayName", p.displayName());
            oidc.put("issuer", p.issuer());
            oidc.put("clientId", p.clientId());
            oidc.put("clientSecretSet", p.clientSecret() != null);
            oidc.put("usernameClaim", p.usernameClaim());
            oidc.put("displayNameClaim", p.displayNameClaim());
            oidc.put("groupsClaim", p.groupsClaim());
            oidc.put("scopes", p.scopes());
        }
        out.put("oidc", oidc);
        out.put("createOnFirstSignIn", s.createOnFirstSignIn());
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (GroupMapping m : s.groupMappings()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("group", m.group());
            one.put("roles", m.roles().stream().map(Role::wireName).sorted().toList());
            one.put("domain", m.domain());
            mappings.add(one);
        }
        out.put("groupMappings", mappings);
        return out;
    }

    /** What changed, for the audit; the client secret only as set, kept or removed. */
    private static String detail(IdentitySettings before, IdentitySettings after) {
        List<String> parts = new ArrayList<>();
        if (before.localSignIn() != after.localSignIn()) {
            parts.add("localSignIn " + before.localSignIn() + " -> " + after.localSignIn());
        }
        OidcProvider a = before.oidc();
        OidcProvider b = after.oidc();
        String from = a == null ? "none" : a.issuer() + " (client " + a.clientId() + ")";
        String to = b == null ? "none" : b.issuer() + " (client " + b.clientId() + ")";
        if (!from.equals(to)) {
            parts.add("oidc " + from + " -> " + to);
        } else if (a != null && !a.withoutSecret().equals(b.withoutSecret())) {
            parts.add("oidc settings of " + to + " changed");
        }
        String secretBefore = a == null ? null : a.clientSecret();
        String secretAfter = b == null ? null : b.clientSecret();
        if (secretAfter != null && !secretAfter.equals(secretBefore)) {
            parts.add("client secret set");
        } else if (secretAfter == null && secretBefore != null) {
            parts.add("client secret removed");
        }
        if (before.createOnFirstSignIn() != after.createOnFirstSignIn()) {
            parts.add("createOnFirstSignIn " + before.createOnFirstSignIn() + " -> " + after.createOnFirstSignIn());
        }
        if (!before.groupMappings().equals(after.groupMappings())) {
            parts.add("groupMappings " + before.groupMappings().size() + " -> " + after.groupMappings().size());
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }
}
