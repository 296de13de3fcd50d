package io.huddle.gateway.store;

import io.huddle.domain.AdminChange;
import io.huddle.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What provisioning with SCIM 2.0 keeps (docs/identity.md): tenants' tokens, the users' SCIM attributes, groups
 * and their members. Every write is atomic with the changes of administration it records.
 */
public interface ScimStore {

    // tokens: only a digest of each is kept
    void saveToken(ScimToken token, String tokenDigest, AdminChange change);

    List<ScimToken> tokens(String tenant);

    Optional<ScimToken> tokenByDigest(String tokenDigest);

    /** Deletes the tenant's token and records the change; false (and nothing recorded) when there is none. */
    boolean deleteToken(String tenant, String tokenId, AdminChange change);

    void tokenUsed(String tokenId, Instant at);

    // users
    Optional<ScimUser> user(String tenant, String userId);

    /** The tenant's user whose user name is this one, ignoring case (SCIM's userName is not case-exact). */
    Optional<ScimUser> userByName(String tenant, String username);

    ScimPage<ScimUser> users(String tenant, ScimCondition where, int offset, int limit);

    /** Whether this user id was ever deleted in the tenant: an id once used is not given to someone new. */
    boolean userIdDeleted(String tenant, String userId);

    /**
     * Creates a user SCIM provisions, with the change that made it, in one transaction; a user of the same id or
     * username made meanwhile fails it ({@link StoreException#alreadyExists()}) instead of being overwritten.
     */
    void createUser(ScimUser user, AdminChange change);

    /**
     * Inserts or updates users (keeping any password they have) with their SCIM attributes, and records the
     * changes, in one transaction.
     */
    void saveUsers(List<ScimUser> users, List<AdminChange> changes);

    /** Deletes a user (their sessions and memberships go with them) and records the change. */
    void deleteUser(User user, AdminChange change);

    /** The display names of the groups a user is a member of. */
    List<String> groupNamesOf(String userId);

    /** The groups (ids and display names, members left out) a user is a member of. */
    List<ScimGroup> groupsOf(String userId);

    // groups
    Optional<ScimGroup> group(String tenant, String groupId);

    Optional<ScimGroup> groupByName(String tenant, String displayName);

    /** A page of groups; their members are left out when {@code withMembers} is false. */
    ScimPage<ScimGroup> groups(String tenant, ScimCondition where, int offset, int limit, boolean withMembers);

    /**
     * Inserts or replaces a group with exactly its members, saves the users the change placed anew, and records
     * the changes, in one transaction.
     */
    void saveGroup(ScimGroup group, List<User> placed, List<AdminChange> changes);

    /** Deletes a group, saves the users its members became, and records the changes, in one transaction. */
    void deleteGroup(ScimGroup group, List<User> placed, List<AdminChange> changes);
}
