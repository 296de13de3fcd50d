package io.huddle.gateway.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import io.huddle.domain.AdminChange;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.ScimCondition;
import io.huddle.gateway.store.ScimGroup;
import io.huddle.gateway.store.ScimPage;
import io.huddle.gateway.store.ScimStore;
import io.huddle.gateway.store.ScimToken;
import io.huddle.gateway.store.ScimUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCIM's Groups, scoped to the token's tenant. A group's display name is what the tenant's group mappings name;
 * every change of a group's members (or of its name) places each member SCIM manages anew, in the same
 * transaction, and a member who loses every role has their sessions ended. A write adds or removes at most
 * {@link #MAX_MEMBER_CHANGES} members.
 */
public final class ScimGroups {
    private static final Logger LOG = LoggerFactory.getLogger(ScimGroups.class);
    static final int MAX_MEMBER_CHANGES = 1_000;

    private final ScimStore scim;
    private final AuthService auth;
    private final ScimPlacement placement;
    private final ScimAudit audit;
    private final ReentrantLock writes;

    public ScimGroups(GatewayStore store, AuthService auth, java.time.Clock clock, ReentrantLock writes) {
        this.scim = store.scim();
        this.auth = auth;
        this.placement = new ScimPlacement(store);
        this.audit = new ScimAudit(clock);
        this.writes = writes;
    }

    ScimGroup get(ScimToken token, String id) throws ResourceNotFoundException {
        return scim.group(token.tenant(), id).orElseThrow(() -> new ResourceNotFoundException(
                "group '" + id + "' not found"));
    }

    ScimPage<ScimGroup> list(ScimToken token, ScimCondition where, int offset, int count, boolean members) {
        return scim.groups(token.tenant(), where, offset, count, members);
    }

    ScimGroup create(ScimToken token, ScimResources.GroupFields f) throws ScimException {
        writes.lock();
        try {
            Instant now = audit.now();
            ScimGroup empty = new ScimGroup(UUID.randomUUID().toString(), token.tenant(), f.displayName(),
                    f.externalId(), now, now, List.of());
            return save(token, empty, f, true);
        } finally {
            writes.unlock();
        }
    }

    ScimGroup replace(ScimToken token, String id, ScimResources.GroupFields f) throws ScimException {
        writes.lock();
        try {
            return save(token, get(token, id), f, false);
        } finally {
            writes.unlock();
        }
    }

    /** Applies the operations to the group as SCIM shows it (with its members), then saves it like a PUT. */
    ScimGroup patch(ScimToken token, String id, PatchRequest patch, String base) throws ScimException {
        writes.lock();
        try {
            ScimGroup current = get(token, id);
            GenericScimResource resource = new GenericScimResource(ScimResources.group(current, base, true));
            patch.apply(resource);
            return save(token, current, ScimResources.groupFields(resource.getObjectNode()), false);
        } finally {
            writes.unlock();
        }
    }

    void delete(ScimToken token, String id) throws ScimException {
        writes.lock();
        try {
            ScimGroup group = get(token, id);
            List<AdminChange> changes = new ArrayList<>();
            changes.add(audit.change(token, "group.delete", "group", group.id(),
                    "displayName '" + group.displayName() + "', " + group.memberIds().size() + " member(s)"));
            List<ScimUser> before = new ArrayList<>();
            List<User> placed = new ArrayList<>();
            for (String member : group.memberIds()) {
                placeAnew(token, member, group.displayName(), null, before, placed, changes);
            }
            scim.deleteGroup(group, placed, changes);
            endSessionsOfRoleless(token, before, placed);
        } finally {
            writes.unlock();
        }
    }

    ObjectNode resource(ScimGroup group, String base, boolean members) {
        return ScimResources.group(group, base, members);
    }

    private ScimGroup save(ScimToken token, ScimGroup current, ScimResources.GroupFields f, boolean created)
            throws ScimException {
        var holder = scim.groupByName(token.tenant(), f.displayName());
        if (holder.isPresent() && !holder.get().id().equals(current.id())) {
            throw ResourceConflictException.uniqueness("a group named '" + f.displayName() + "' exists");
        }
        Set<String> old = new LinkedHashSet<>(current.memberIds());
        Set<String> added = new LinkedHashSet<>(f.memberIds());
        added.removeAll(old);
        Set<String> removed = new LinkedHashSet<>(old);
        removed.removeAll(f.memberIds());
        if (added.size() + removed.size() > MAX_MEMBER_CHANGES) {
            throw BadRequestException.invalidValue("at most " + MAX_MEMBER_CHANGES
                    + " members can be added or removed at once");
        }
        for (String id : added) {
            if (scim.user(token.tenant(), id).isEmpty()) {
                throw BadRequestException.invalidValue("member '" + id + "' is not a user of this tenant");
            }
        }
        boolean renamed = !f.displayName().equals(current.displayName());
        if (!created && !renamed && added.isEmpty() && removed.isEmpty()
                && java.util.Objects.equals(f.externalId(), current.externalId())) {
            return current;
        }
        ScimGroup next = new ScimGroup(current.id(), current.tenant(), f.displayName(), f.externalId(),
                current.createdAt(), audit.now(), new ArrayList<>(new java.util.TreeSet<>(f.memberIds())));
        List<AdminChange> changes = new ArrayList<>();
        changes.add(audit.change(token, created ? "group.create" : "group.update", "group", next.id(),
                describe(current, next, added, removed, created)));
        Set<String> affected = new LinkedHashSet<>(renamed ? old : removed);
        affected.addAll(renamed ? f.memberIds() : added);
        List<ScimUser> before = new ArrayList<>();
        List<User> placed = new ArrayList<>();
        for (String member : affected) {
            placeAnew(token, member, old.contains(member) ? current.displayName() : null,
                    f.memberIds().contains(member) ? next.displayName() : null, before, placed, changes);
        }
        scim.saveGroup(next, placed, changes);
        endSessionsOfRoleless(token, before, placed);
        LOG.info("SCIM token {} of tenant '{}' {} group '{}' ({}): +{} -{} member(s), {} user(s) placed anew",
                token.id(), token.tenant(), created ? "created" : "changed", next.displayName(), next.id(),
                added.size(), removed.size(), placed.size());
        return next;
    }

    /**
     * Places a member SCIM manages by their groups once this change is made ({@code leaving} the group under its
     * old name, {@code joining} it under its new one); a user whose roles or domain change is added to
     * {@code placed}, with an audit record.
     */
    private void placeAnew(ScimToken token, String userId, String leaving, String joining, List<ScimUser> before,
                           List<User> placed, List<AdminChange> changes) {
        ScimUser su = scim.user(token.tenant(), userId).orElse(null);
        if (su == null || !su.managed()) {
            return;
        }
        List<String> groups = new ArrayList<>(scim.groupNamesOf(userId));
        if (leaving != null) {
            groups.remove(leaving);
        }
        if (joining != null && !groups.contains(joining)) {
            groups.add(joining);
        }
        User next = placement.place(su.user(), groups);
        if (next.roles().equals(su.user().roles()) && next.domain().equals(su.user().domain())) {
            return;
        }
        before.add(su);
        placed.add(next);
        changes.add(audit.change(token, "user.update", "user", userId,
                ScimUsers.describe(su, new ScimUser(next, su.externalId(), true))));
    }

    private void endSessionsOfRoleless(ScimToken token, List<ScimUser> before, List<User> placed) {
        for (int i = 0; i < placed.size(); i++) {
            if (!before.get(i).user().roles().isEmpty() && placed.get(i).roles().isEmpty()) {
                int ended = auth.endSessionsOf(placed.get(i).id());
                LOG.info("SCIM token {} of tenant '{}': user '{}' lost every role; {} session(s) ended", token.id(),
                        token.tenant(), placed.get(i).id(), ended);
            }
        }
    }

    private static String describe(ScimGroup before, ScimGroup after, Set<String> added, Set<String> removed,
                                   boolean created) {
        List<String> parts = new ArrayList<>();
        if (created || !before.displayName().equals(after.displayName())) {
            parts.add("displayName " + (created ? "" : "'" + before.displayName() + "' -> ") + "'"
                    + after.displayName() + "'");
        }
        if (!java.util.Objects.equals(before.externalId(), after.externalId())) {
            parts.add("externalId " + before.externalId() + " -> " + after.externalId());
        }
        if (!added.isEmpty()) {
            parts.add("members added " + summary(added));
        }
        if (!removed.isEmpty()) {
            parts.add("members removed " + summary(removed));
        }
        return String.join("; ", parts);
    }

    /** At most ten ids, then how many more: an audit record stays short. */
    private static String summary(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        return list.size() <= 10 ? list.toString()
                : list.subList(0, 10) + " and " + (list.size() - 10) + " more";
    }
}
