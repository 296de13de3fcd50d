package io.huddle.gateway.admin;

import io.huddle.domain.AdminChange;
import io.huddle.domain.DomainException;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.auth.PasswordHasher;
import io.huddle.gateway.floor.Ids;
import io.huddle.gateway.store.AdminChangeQuery;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.Page;
import io.huddle.gateway.store.TenantDomain;
import io.huddle.gateway.store.UserAccount;
import io.huddle.gateway.store.UserQuery;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's administration by its admins: domains, users and the audit of both (docs/identity.md). Every
 * change is saved together with its {@link AdminChange}, in one transaction. Checks and writes run under one
 * lock, so two admins cannot both take a user name or both remove the tenant's last active admin. Another
 * tenant's user is 404, as if it did not exist.
 */
public final class AdminService {
    private static final Logger LOG = LoggerFactory.getLogger(AdminService.class);

    private final GatewayStore store;
    private final AuthService auth;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    public AdminService(GatewayStore store, AuthService auth, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.auth = auth;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Refuses anyone without the admin role (403). */
    public static void requireAdmin(User user) {
        if (!user.has(Role.ADMIN)) {
            throw DomainException.forbidden("administration requires the admin role");
        }
    }

    public List<TenantDomain> domains(User admin) {
        requireAdmin(admin);
        return store.domains(admin.tenant());
    }

    public TenantDomain createDomain(User admin, String name) {
        requireAdmin(admin);
        String domain = UserRules.name("name", name);
        lock.lock();
        try {
            if (domainExists(admin.tenant(), domain)) {
                throw DomainException.conflict("domain '" + domain + "' exists already");
            }
            store.saveDomain(admin.tenant(), domain, change(Actor.of(admin), "domain.create", "domain", domain,
                    "domain '" + domain + "'"));
        } finally {
            lock.unlock();
        }
        LOG.info("domain '{}' of tenant '{}' created by {}", domain, admin.tenant(), admin.id());
        return new TenantDomain(domain, 0);
    }

    public Page<UserAccount> users(User admin, UserQuery query) {
        requireAdmin(admin);
        return store.searchUsers(new UserQuery(admin.tenant(), query.text(), query.domain(), query.role(),
                query.active(), query.limit(), query.cursor()));
    }

    public UserAccount user(User admin, String id) {
        requireAdmin(admin);
        return account(admin.tenant(), id);
    }

    public UserAccount createUser(User admin, NewUser request) {
        requireAdmin(admin);
        return create(Actor.of(admin), request);
    }

    /** Creates a user for this actor (an admin, or the command line's bootstrap). */
    UserAccount create(Actor actor, NewUser request) {
        String tenant = actor.tenant();
        String username = UserRules.name("username", request.username());
        String displayName = UserRules.displayName(request.displayName(), username);
        if (request.domain() == null || request.domain().isBlank()) {
            throw DomainException.badRequest("field 'domain' is required");
        }
        Set<Role> roles = UserRules.roles(request.roles());
        String platformUserId = UserRules.platformUserId(request.platformUserId());
        if (request.password() != null) {
            UserRules.password(request.password(), roles, identity(tenant));
        }
        String hash = request.password() == null ? null : hasher.hash(request.password().toCharArray());
        User user = new User(tenant + ":" + username, tenant, request.domain(), username, displayName, roles,
                platformUserId, true);
        lock.lock();
        try {
            requireDomain(tenant, user.domain());
            if (store.findUser(tenant, username).isPresent() || store.findUserById(user.id()).isPresent()) {
                throw DomainException.conflict("user name '" + username + "' is taken in this tenant");
            }
            requireFreePlatformId(tenant, platformUserId, user.id());
            store.createUser(user, hash, change(actor, "user.create", "user", user.id(),
                    UserChanges.created(user, hash != null)));
        } finally {
            lock.unlock();
        }
        LOG.info("user '{}' created by {}", user.id(), actor.id());
        return account(tenant, user.id());
    }

    /** Changes a user; disabling ends their sessions and closes their streams at once. */
    public UserAccount updateUser(User admin, String id, UserPatch patch) {
        requireAdmin(admin);
        String tenant = admin.tenant();
        User before;
        User after;
        lock.lock();
        try {
            before = account(tenant, id).user();
            Set<Role> roles = patch.roles() == null ? before.roles() : UserRules.roles(patch.roles());
            String domain = patch.domain() == null ? before.domain() : patch.domain();
            String platformUserId = patch.platformUserIdGiven() ? UserRules.platformUserId(patch.platformUserId())
                    : before.platformUserId();
            boolean active = patch.active() == null ? before.active() : patch.active();
            after = new User(before.id(), tenant, domain, before.username(),
                    patch.displayName() == null ? before.displayName()
                            : UserRules.displayName(patch.displayName(), before.username()),
                    roles, platformUserId, active);
            String hash = store.passwordHash(id).orElse(null);
            boolean passwordChanged = patch.passwordGiven() && (patch.password() != null || hash != null);
            if (patch.passwordGiven()) {
                if (patch.password() != null) {
                    UserRules.password(patch.password(), roles, identity(tenant));
                    hash = hasher.hash(patch.password().toCharArray());
                } else {
                    hash = null;
                }
            }
            if (!domain.equals(before.domain())) {
                requireDomain(tenant, domain);
            }
            requireFreePlatformId(tenant, platformUserId, id);
            keepAnActiveAdmin(admin, before, after);
            String detail = UserChanges.detail(before, after, passwordChanged, patch.password() == null);
            if (detail.isEmpty()) {
                return account(tenant, id);
            }
            String action = before.active() == after.active() ? "user.update"
                    : after.active() ? "user.enable" : "user.disable";
            store.saveUser(after, hash, change(Actor.of(admin), action, "user", id, detail));
        } finally {
            lock.unlock();
        }
        if (before.active() && !after.active()) {
            int ended = auth.endSessionsOf(id);
            LOG.info("user '{}' disabled by {}: {} session(s) ended", id, admin.id(), ended);
        } else {
            LOG.info("user '{}' changed by {}", id, admin.id());
        }
        return account(tenant, id);
    }

    public Page<AdminChange> audit(User admin, AdminChangeQuery query) {
        requireAdmin(admin);
        return store.searchAdminChanges(new AdminChangeQuery(admin.tenant(), query.actorId(), query.action(),
                query.targetId(), query.from(), query.to(), query.limit(), query.cursor()));
    }

    /** The tenant's user, or 404 for an unknown id and for another tenant's user alike. */
    private UserAccount account(String tenant, String id) {
        return store.userAccount(id).filter(a -> a.user().tenant().equals(tenant))
                .orElseThrow(() -> DomainException.notFound("user", id));
    }

    private IdentitySettings identity(String tenant) {
        return store.identitySettings(tenant).orElseGet(() -> IdentitySettings.defaults(tenant));
    }

    boolean domainExists(String tenant, String domain) {
        return store.domains(tenant).stream().anyMatch(d -> d.name().equals(domain));
    }

    private void requireDomain(String tenant, String domain) {
        if (!domainExists(tenant, domain)) {
            throw DomainException.badRequest("domain '" + domain + "' does not exist in this tenant: create it"
                    + " first");
        }
    }

    private void requireFreePlatformId(String tenant, String platformUserId, String userId) {
        if (platformUserId == null) {
            return;
        }
        Optional<User> holder = store.findUserByPlatformId(tenant, platformUserId);
        if (holder.isPresent() && !holder.get().id().equals(userId)) {
            throw DomainException.conflict("platform user id '" + platformUserId + "' belongs to user '"
                    + holder.get().id() + "' already");
        }
    }

    /** The tenant never loses its last active admin: they cannot disable themselves or give up the role. */
    private void keepAnActiveAdmin(User admin, User before, User after) {
        boolean wasAdmin = before.active() && before.has(Role.ADMIN);
        boolean staysAdmin = after.active() && after.has(Role.ADMIN);
        if (!wasAdmin || staysAdmin) {
            return;
        }
        boolean another = store.users(admin.tenant()).stream()
                .anyMatch(u -> !u.id().equals(before.id()) && u.active() && u.has(Role.ADMIN));
        if (!another) {
            throw DomainException.conflict((before.id().equals(admin.id()) ? "you are" : "'" + before.id() + "' is")
                    + " the tenant's last active admin: make another user an active admin first");
        }
    }

    AdminChange change(Actor actor, String action, String targetType, String targetId, String detail) {
        return new AdminChange(Ids.next("adm"), actor.tenant(), clock.instant(), actor.id(), actor.name(), action,
                targetType, targetId, detail);
    }
}
