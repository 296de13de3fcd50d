package io.huddle.gateway.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import io.huddle.domain.AdminChange;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.ScimCondition;
import io.huddle.gateway.store.ScimPage;
import io.huddle.gateway.store.ScimStore;
import io.huddle.gateway.store.ScimToken;
import io.huddle.gateway.store.ScimUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCIM's Users: everything scoped to the token's tenant (another tenant's id is not found). A user made here is
 * managed by SCIM: no password, and roles and domain from their groups ({@link ScimPlacement}); a user made by an
 * administrator keeps the roles the administrator gave. A user who is deactivated, loses every role or is deleted
 * has their sessions ended at once. Writes are one at a time ({@code writes}), so a placement is never computed
 * from groups another write is changing.
 */
public final class ScimUsers {
    private static final Logger LOG = LoggerFactory.getLogger(ScimUsers.class);
    static final int MAX_OPERATIONS = 100;
    /** A user name that can be part of a user's id as it is: ids appear in URL paths. */
    private static final String SAFE_ID = "[A-Za-z0-9._@+-]+";

    private final ScimStore scim;
    private final AuthService auth;
    private final ScimPlacement placement;
    private final ScimAudit audit;
    private final ReentrantLock writes;

    public ScimUsers(GatewayStore store, AuthService auth, java.time.Clock clock, ReentrantLock writes) {
        this.scim = store.scim();
        this.auth = auth;
        this.placement = new ScimPlacement(store);
        this.audit = new ScimAudit(clock);
        this.writes = writes;
    }

    ScimUser get(ScimToken token, String id) throws ResourceNotFoundException {
        return scim.user(token.tenant(), id).orElseThrow(() -> new ResourceNotFoundException(
                "user '" + id + "' not found"));
    }

    ScimPage<ScimUser> list(ScimToken token, ScimCondition where, int offset, int count) {
        return scim.users(token.tenant(), where, offset, count);
    }

    ObjectNode resource(ScimUser user, String base) {
        return ScimResources.user(user, scim.groupsOf(user.user().id()), base);
    }

    ScimUser create(ScimToken token, ScimResources.UserFields f) throws ScimException {
        writes.lock();
        try {
            if (scim.userByName(token.tenant(), f.userName()).isPresent()) {
                throw ResourceConflictException.uniqueness("userName '" + f.userName() + "' is taken");
            }
            String id = token.tenant() + ":" + f.userName();
            if (!f.userName().matches(SAFE_ID) || scim.user(token.tenant(), id).isPresent()
                    || scim.userIdDeleted(token.tenant(), id)) {
                id = token.tenant() + ":" + UUID.randomUUID();
            }
            User blank = new User(id, token.tenant(), ScimPlacement.DEFAULT_DOMAIN, f.userName(), f.displayName(),
                    Set.of(), null, f.active() == null || f.active());
            ScimUser created = new ScimUser(placement.place(blank, List.of()), f.externalId(), true);
            try {
                scim.createUser(created, audit.change(token, "user.create", "user", id,
                        "userName '" + f.userName() + "'" + (created.user().active() ? "" : ", inactive")));
            } catch (io.huddle.gateway.store.StoreException e) {
                if (e.alreadyExists()) { // made meanwhile by an admin or another gateway
                    throw ResourceConflictException.uniqueness("userName '" + f.userName() + "' is taken");
                }
                throw e;
            }
            LOG.info("SCIM token {} of tenant '{}' created user '{}'", token.id(), token.tenant(), id);
            return created;
        } finally {
            writes.unlock();
        }
    }

    ScimUser replace(ScimToken token, String id, ScimResources.UserFields f) throws ScimException {
        writes.lock();
        try {
            return save(token, get(token, id), f);
        } finally {
            writes.unlock();
        }
    }

    /** Applies the operations to the user as SCIM shows them, then saves the result like a PUT. */
    ScimUser patch(ScimToken token, String id, PatchRequest patch, String base) throws ScimException {
        writes.lock();
        try {
            ScimUser current = get(token, id);
            GenericScimResource resource = new GenericScimResource(resource(current, base));
            patch.apply(resource);
            return save(token, current, ScimResources.userFields(resource.getObjectNode()));
        } finally {
            writes.unlock();
        }
    }

    void delete(ScimToken token, String id) throws ScimException {
        writes.lock();
        try {
            User user = get(token, id).user();
            auth.endSessionsOf(user.id());
            scim.deleteUser(user, audit.change(token, "user.delete", "user", user.id(),
                    "userName '" + user.username() + "'"));
            LOG.info("SCIM token {} of tenant '{}' deleted user '{}'", token.id(), token.tenant(), user.id());
        } finally {
            writes.unlock();
        }
    }

    private ScimUser save(ScimToken token, ScimUser current, ScimResources.UserFields f) throws ScimException {
        User was = current.user();
        if (!f.userName().equals(was.username())) {
            var holder = scim.userByName(token.tenant(), f.userName());
            if (holder.isPresent() && !holder.get().user().id().equals(was.id())) {
                throw ResourceConflictException.uniqueness("userName '" + f.userName() + "' is taken");
            }
        }
        boolean active = f.active() == null ? was.active() : f.active();
        User next = new User(was.id(), was.tenant(), was.domain(), f.userName(), f.displayName(), was.roles(),
                was.platformUserId(), active);
        if (current.managed()) {
            next = placement.place(next, scim.groupNamesOf(was.id()));
        }
        ScimUser saved = new ScimUser(next, f.externalId(), current.managed());
        String detail = describe(current, saved);
        if (detail.isEmpty()) {
            return current;
        }
        String action = was.active() == active ? "user.update" : active ? "user.enable" : "user.disable";
        scim.saveUsers(List.of(saved), List.of(audit.change(token, action, "user", was.id(), detail)));
        if ((was.active() && !active) || (!was.roles().isEmpty() && next.roles().isEmpty())) {
            int ended = auth.endSessionsOf(was.id());
            LOG.info("SCIM token {} of tenant '{}': user '{}' {}; {} session(s) ended", token.id(), token.tenant(),
                    was.id(), active ? "lost every role" : "deactivated", ended);
        }
        return saved;
    }

    /** The changes from one user to the next, as the audit shows them; empty when nothing changed. */
    static String describe(ScimUser before, ScimUser after) {
        User a = before.user();
        User b = after.user();
        List<String> parts = new ArrayList<>();
        diff(parts, "userName", a.username(), b.username());
        diff(parts, "displayName", a.displayName(), b.displayName());
        diff(parts, "active", a.active(), b.active());
        diff(parts, "externalId", before.externalId(), after.externalId());
        diff(parts, "roles", roles(a), roles(b));
        diff(parts, "domain", a.domain(), b.domain());
        return String.join("; ", parts);
    }

    static List<String> roles(User u) {
        return u.roles().stream().map(r -> r.wireName()).sorted().toList();
    }

    private static void diff(List<String> parts, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            parts.add(name + " " + a + " -> " + b);
        }
    }
}
