package io.huddle.gateway.sso;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.huddle.domain.AdminChange;
import io.huddle.domain.DomainException;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.OidcProvider;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.UserLink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Huddle user behind a checked ID token: the one linked to its subject; else the tenant's user with its
 * user name, linked from now on; else, where the tenant allows it, a new user placed by the group mapping. A
 * user that single sign-on created follows the groups at every sign-in; anyone else keeps their roles.
 */
final class SsoPeople {
    /** The domain of a new user when no mapping of their groups names one. */
    static final String DEFAULT_DOMAIN = "default";
    private static final Logger LOG = LoggerFactory.getLogger(SsoPeople.class);

    private final GatewayStore store;
    private final Clock clock;

    SsoPeople(GatewayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    User userFor(IdentitySettings settings, IDTokenClaimsSet claims) {
        OidcProvider oidc = settings.oidc();
        String tenant = settings.tenant();
        String subject = claims.getSubject().getValue();
        List<String> groups = groups(claims, oidc.groupsClaim());
        Optional<UserLink> link = store.userLink(tenant, oidc.issuer(), subject);
        Optional<User> linked = link.flatMap(l -> store.findUserById(l.userId()));
        if (linked.isPresent()) {
            return placed(settings, linked.get(), link, groups);
        }
        String username = username(claims, oidc);
        Optional<User> named = store.findUser(tenant, username);
        if (named.isPresent()) {
            User user = named.get();
            Optional<UserLink> other = store.userLinkOf(user.id(), oidc.issuer());
            if (other.isPresent()) {
                LOG.warn("single sign-on as '{}' of tenant '{}' refused: the user is linked to another subject of {}",
                        username, tenant, oidc.issuer());
                throw DomainException.forbidden("the Huddle user '" + username + "' of tenant '" + tenant
                        + "' belongs to another account at " + oidc.displayName() + ": ask an administrator");
            }
            UserLink made = new UserLink(tenant, oidc.issuer(), subject, user.id(), false, clock.instant());
            store.saveUserLink(made);
            LOG.info("Linked user '{}' of tenant '{}' to their account at {}", username, tenant, oidc.issuer());
            return placed(settings, user, Optional.of(made), groups);
        }
        if (!settings.createOnFirstSignIn()) {
            throw DomainException.forbidden("'" + username + "' is not a Huddle user of tenant '" + tenant
                    + "': ask an administrator");
        }
        return created(settings, username, displayName(claims, oidc, username), subject, groups);
    }

    private User created(IdentitySettings settings, String username, String displayName, String subject,
                         List<String> groups) {
        String tenant = settings.tenant();
        IdentitySettings.Placement place = settings.place(groups).orElseThrow(() -> noRole(settings, username));
        User user = new User(tenant + ":" + username, tenant, place.domain() != null ? place.domain() : DEFAULT_DOMAIN,
                username, displayName, place.roles(), null, true);
        UserLink link = new UserLink(tenant, settings.oidc().issuer(), subject, user.id(), true, clock.instant());
        store.saveLinkedUser(user, link, change(settings, "user.create", user, "created at first single sign-on"
                + " (source " + UserSource.CREATED_AT_SIGN_IN + "): roles " + wire(user.roles()) + ", domain "
                + user.domain()));
        LOG.info("Created user '{}' of tenant '{}' at their first single sign-on (roles {}, domain {})", username,
                tenant, wire(user.roles()), user.domain());
        return user;
    }

    /** The user with the roles and domain their groups give, when groups decide them; saved when they changed. */
    private User placed(IdentitySettings settings, User user, Optional<UserLink> link, List<String> groups) {
        if (!user.active() || !UserSource.groupsDecideRoles(store.userAccount(user.id()))) {
            return user; // a disabled user is refused by the session start, whatever their groups
        }
        IdentitySettings.Placement place = settings.place(groups).orElseThrow(() -> noRole(settings,
                user.username()));
        String domain = place.domain() != null ? place.domain() : user.domain();
        if (place.roles().equals(user.roles()) && domain.equals(user.domain())) {
            return user;
        }
        User next = new User(user.id(), user.tenant(), domain, user.username(), user.displayName(), place.roles(),
                user.platformUserId(), user.active());
        String hash = store.passwordHash(user.id()).orElse(null);
        store.saveUser(next, hash, change(settings, "user.update", next, "groups at single sign-on: roles "
                + wire(user.roles()) + " -> " + wire(next.roles()) + ", domain " + user.domain() + " -> " + domain));
        return next;
    }

    private AdminChange change(IdentitySettings settings, String action, User user, String detail) {
        OidcProvider oidc = settings.oidc();
        return new AdminChange(UUID.randomUUID().toString(), settings.tenant(), clock.instant(),
                "oidc:" + oidc.issuer(), oidc.displayName(), action, "user", user.id(), detail);
    }

    private static DomainException noRole(IdentitySettings settings, String username) {
        List<String> mapped = settings.mappedGroups();
        if (mapped.isEmpty()) {
            return DomainException.forbidden("'" + username + "' has no role in Huddle: tenant '" + settings.tenant()
                    + "' maps no groups to roles yet; an administrator must add a group mapping");
        }
        return DomainException.forbidden("'" + username + "' is in none of the groups that give a role in Huddle ("
                + String.join(", ", mapped) + "): ask an administrator to add them to one");
    }

    private static String username(IDTokenClaimsSet claims, OidcProvider oidc) {
        String name = stringClaim(claims, oidc.usernameClaim());
        if (name == null || name.isBlank()) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "the ID token failed the user name check:"
                    + " it has no claim '" + oidc.usernameClaim() + "' (the tenant's usernameClaim)");
        }
        String username = name.strip();
        if (username.length() > 100 || username.chars().anyMatch(Character::isWhitespace)) {
            throw DomainException.forbidden("the user name '" + username + "' from the ID token's claim '"
                    + oidc.usernameClaim() + "' cannot be a Huddle user name (1 to 100 characters, no spaces)");
        }
        return username;
    }

    private static String displayName(IDTokenClaimsSet claims, OidcProvider oidc, String username) {
        String name = stringClaim(claims, oidc.displayNameClaim());
        return name == null || name.isBlank() ? username : name.strip();
    }

    private static String stringClaim(IDTokenClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    /** The groups claim as a list of names: a JSON array, or one string; nothing when absent. */
    static List<String> groups(IDTokenClaimsSet claims, String claim) {
        Object value = claims.getClaim(claim);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
        } else if (value instanceof String one) {
            out.add(one);
        }
        return out;
    }

    private static String wire(Collection<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
