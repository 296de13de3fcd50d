package io.huddle.gateway.store;

import io.huddle.domain.AdminChange;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.Interaction;
import io.huddle.domain.PlatformConnection;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import java.time.Instant;
import io.huddle.protocol.JournalEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the gateway must keep across a restart. One JDBC implementation ({@code JdbcGatewayStore}), opened
 * on SQLite ({@link SqliteGatewayStore}), the embedded default, or on PostgreSQL ({@link PostgresGatewayStore}), the
 * one gateways can share. Every write is atomic: it either commits whole or throws {@link StoreException} and
 * changes nothing.
 */
public interface GatewayStore extends AutoCloseable {

    // users and credentials
    void saveUser(User user, String passwordHash);

    Optional<User> findUser(String tenant, String username);

    Optional<User> findUserById(String userId);

    Optional<String> passwordHash(String userId);

    /**
     * Replaces a user's password hash with one of the same password at another work factor, only while the
     * stored hash is still {@code expected} (a password changed meanwhile wins). True when it was replaced.
     */
    boolean replacePasswordHash(String userId, String expected, String replacement);

    List<User> users(String tenant);

    /** Saves a user and records the change of administration that made it, in one transaction. */
    void saveUser(User user, String passwordHash, AdminChange change);

    /**
     * Creates a user and records the change of administration that made it, in one transaction. A user of the same
     * id or username made meanwhile (by another admin, provisioning or another gateway) fails it, with
     * {@link StoreException#alreadyExists()}: it never overwrites one.
     */
    void createUser(User user, String passwordHash, AdminChange change);

    // sign-in sessions: only a digest of the token is stored
    void saveSession(String tokenDigest, String userId, Instant expiresAt);

    Optional<String> sessionUser(String tokenDigest, Instant now);

    void deleteSession(String tokenDigest);

    /**
     * Deletes at most {@code limit} sessions that expired strictly before {@code cutoff}, oldest first, in one
     * statement (one transaction), and answers how many it deleted. A session still valid at {@code cutoff} or
     * later is never touched, so a cutoff in the past cannot end a live sign-in.
     */
    int deleteSessionsExpiredBefore(Instant cutoff, int limit);

    /** Ends every session of a user (disabled, deleted): answers the digests of the ended ones, to close streams. */
    List<String> endSessionsOf(String userId);

    // identity (docs/identity.md)
    /** Saves a tenant's identity settings and, when not null, the change that made them, in one transaction. */
    void saveIdentitySettings(IdentitySettings settings, AdminChange change);

    Optional<IdentitySettings> identitySettings(String tenant);

    /** Keeps one change of administration; changes are never altered or deleted. */
    void recordAdminChange(AdminChange change);

    Page<AdminChange> searchAdminChanges(AdminChangeQuery query);

    // administration: domains and the users as an admin sees them (docs/identity.md)
    /** The tenant's domains by name, each with how many users belong to it. */
    List<TenantDomain> domains(String tenant);

    /**
     * Adds a domain to the tenant and, when not null, records the change that made it, in one transaction. A
     * domain that exists already is a constraint error ({@link StoreException}): callers check first.
     */
    void saveDomain(String tenant, String name, AdminChange change);

    /** A user with who manages them and whether they have a password. */
    Optional<UserAccount> userAccount(String userId);

    Page<UserAccount> searchUsers(UserQuery query);

    /** What provisioning with SCIM 2.0 keeps, in the same database (its writes share this store's writer). */
    ScimStore scim();

    /** The database's schema version and the latest this build knows: a trivial read (the readiness probe). */
    SchemaVersion schemaVersion();

    // single sign-on (docs/identity.md)
    void saveSsoAttempt(SsoAttempt attempt);

    /**
     * Takes the attempt with this state digest: deletes it and answers it (expired or not), in one step, so of
     * two takers at once only one gets it. Empty when there is none (never made, already taken, or purged).
     */
    Optional<SsoAttempt> takeSsoAttempt(String stateDigest);

    /** Deletes at most {@code limit} attempts that expired strictly before {@code cutoff}; answers how many. */
    int deleteSsoAttemptsExpiredBefore(Instant cutoff, int limit);

    Optional<UserLink> userLink(String tenant, String issuer, String subject);

    /** The link of this user to a person at this provider, if any. */
    Optional<UserLink> userLinkOf(String userId, String issuer);

    /** Ties a provider's person to an existing user; a subject or user already linked is a constraint error. */
    void saveUserLink(UserLink link);

    /** Creates a user, ties them to the provider's person and records the change, in one transaction. */
    void saveLinkedUser(User user, UserLink link, AdminChange change);

    // tenants
    void saveTenantSettings(TenantSettings settings);

    Optional<TenantSettings> tenantSettings(String tenant);

    List<TenantSettings> tenants();

    // interactions (live and ended)
    void saveInteraction(Interaction interaction);

    /**
     * Saves a live interaction whose state the platform changed (Active, On hold, Wrap-up): churn that a
     * busy floor makes thousands of times a second. Written before it returns, so it survives the gateway's
     * crash, but it need not be on the disk before the next durable write: a power cut may lose the last
     * few such changes (the platform tells the state again). Everything else stays durable per write.
     */
    default void saveInteractionState(Interaction interaction) {
        saveInteraction(interaction);
    }

    Optional<Interaction> findInteraction(String id);

    List<Interaction> liveInteractions();

    /** The live interactions of one tenant, in the order of {@link #liveInteractions()}. */
    List<Interaction> liveInteractions(String tenant);

    // help requests
    void saveHelpRequest(HelpRequest request);

    Optional<HelpRequest> findHelpRequest(String id);

    List<HelpRequest> openHelpRequests();

    /** The open help requests of one tenant, in the order of {@link #openHelpRequests()}. */
    List<HelpRequest> openHelpRequests(String tenant);

    Page<HelpRequest> searchHelpRequests(HelpRequestQuery query);

    // supervisor actions
    void saveAction(SupervisorAction action);

    /** Saves several changes in one transaction: all or nothing. */
    void saveAll(List<HelpRequest> requests, List<SupervisorAction> actions, List<Interaction> interactions);

    Page<SupervisorAction> searchActions(ActionQuery query);

    /** Actions still running (no endedAt): after a restart their legs are gone and they are ended. */
    List<SupervisorAction> openActions();

    /** The running actions of one tenant. */
    List<SupervisorAction> openActions(String tenant);

    // analytics (docs/analytics.md): raw counts per group; gateway.analytics turns them into figures
    AnalyticsRows<HelpRequestTally> helpRequestAnalytics(AnalyticsQuery query);

    AnalyticsRows<InterventionTally> interventionAnalytics(AnalyticsQuery query);

    // supervisors' action journals, uploaded by their consoles (docs/journal.md)
    Optional<JournalDevice> journalDevice(String deviceId);

    /** The devices of a tenant and domain, or every device when both are null. */
    List<JournalDevice> journalDevices(String tenant, String domain);

    /** A device's entries with seq greater than {@code afterSeq}, in seq order, at most {@code limit}. */
    List<JournalEntry> journalEntries(String deviceId, long afterSeq, int limit);

    /** Of these entry ids, those already stored, with the (device, seq) that holds each ("device#seq"). */
    Map<String, String> journalIds(List<String> ids);

    /** Inserts new entries of one device and sets its head, in one transaction. */
    void appendJournal(JournalDevice head, List<JournalEntry> entries, Instant receivedAt);

    Page<JournalEntry> searchJournal(JournalQuery query);

    // the contact-center platform behind each tenant (docs/platform.md)
    Optional<PlatformConnection> platformConnection(String tenant);

    void savePlatformConnection(PlatformConnection connection);

    /** The tenant's user whose id on the platform is this one. */
    Optional<User> findUserByPlatformId(String tenant, String platformUserId);

    /** The tenant's interaction (live or ended) that the platform knows by this id. */
    Optional<Interaction> findInteractionByPlatformId(String tenant, String platformId);

    /** Of these platform event ids of a tenant, the ones already applied. */
    Set<String> seenPlatformEvents(String tenant, List<String> eventIds);

    /**
     * Saves what a batch of platform events changed and marks every event of it seen, in one transaction: all
     * or nothing. An event id already seen fails the whole write, so no event is ever applied twice.
     */
    void savePlatformEvents(String tenant, List<String> eventIds, Instant receivedAt, List<HelpRequest> requests,
                            List<SupervisorAction> actions, List<Interaction> interactions);

    /** Forgets at most {@code limit} platform event ids received before {@code cutoff}, oldest first; answers how many. */
    int deletePlatformEventsBefore(Instant cutoff, int limit);

    /**
     * The floor log that keeps several gateways on this database on one floor, or empty when the store is for one
     * gateway only (SQLite).
     */
    default java.util.Optional<FloorLog> floorLog() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
