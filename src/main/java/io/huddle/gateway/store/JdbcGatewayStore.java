package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.query;
import static io.huddle.gateway.store.Jdbc.queryOne;
import static io.huddle.gateway.store.Jdbc.update;

import io.huddle.domain.AdminChange;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.IdentitySettings;
import io.huddle.domain.Interaction;
import io.huddle.domain.PlatformConnection;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.protocol.JournalRows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import io.huddle.protocol.JournalEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link GatewayStore} over JDBC, for both engines: how it has its connections is a {@link StoreConnections}
 * ({@link SqliteConnections}, {@link PostgresConnections}), the statements worded differently are a
 * {@link SqlDialect}; every other statement, and the binding and reading of rows, is the {@code *Rows} classes',
 * the same on both. Every method is thread-safe. Every SQL failure is thrown as a {@link StoreException} naming
 * the operation.
 */
abstract sealed class JdbcGatewayStore implements GatewayStore permits SqliteGatewayStore, PostgresGatewayStore {

    private final StoreConnections connections;
    private final SqlDialect dialect;
    private final StoredRoles roles = new StoredRoles();
    private final JdbcScimStore scim;

    JdbcGatewayStore(StoreConnections connections, SqlDialect dialect) {
        this.connections = connections;
        this.dialect = dialect;
        this.scim = new JdbcScimStore(this, dialect);
    }

    @Override
    public ScimStore scim() {
        return scim;
    }

    @Override
    public SchemaVersion schemaVersion() {
        try {
            return connections.schemaVersion();
        } catch (SQLException e) {
            throw failed("read the schema version", e);
        }
    }

    @Override
    public void saveUser(User user, String passwordHash) {
        write("save user '" + user.id() + "'",
                c -> update(c, AccountRows.UPSERT_USER, ps -> AccountRows.bindUser(ps, user, passwordHash)));
    }

    @Override
    public Optional<User> findUser(String tenant, String username) {
        return read("find user '" + username + "' of tenant '" + tenant + "'", c -> queryOne(c,
                AccountRows.FIND_USER, ps -> bind(ps, tenant, username), this::user));
    }

    @Override
    public Optional<User> findUserById(String userId) {
        return read("find user '" + userId + "'", c -> queryOne(c,
                AccountRows.FIND_USER_BY_ID, ps -> bind(ps, userId), this::user));
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return read("read password hash of user '" + userId + "'", c -> queryOne(c,
                AccountRows.PASSWORD_HASH, ps -> bind(ps, userId), rs -> rs.getString(1)));
    }

    @Override
    public boolean replacePasswordHash(String userId, String expected, String replacement) {
        return write("replace the password hash of user '" + userId + "'", c -> update(c,
                AccountRows.REPLACE_PASSWORD_HASH, ps -> bind(ps, replacement, userId, expected))) == 1;
    }

    @Override
    public List<User> users(String tenant) {
        return read("list users of tenant '" + tenant + "'", c -> query(c,
                AccountRows.USERS, ps -> bind(ps, tenant), this::user));
    }

    @Override
    public void saveSession(String tokenDigest, String userId, Instant expiresAt) {
        write("save session of user '" + userId + "'", c -> update(c, AccountRows.UPSERT_SESSION, ps -> {
            bind(ps, tokenDigest, userId);
            Jdbc.setInstant(ps, 3, expiresAt);
        }));
    }

    @Override
    public Optional<String> sessionUser(String tokenDigest, Instant now) {
        return read("look up session", c -> queryOne(c, AccountRows.SESSION_USER, ps -> {
            bind(ps, tokenDigest);
            ps.setLong(2, now.toEpochMilli());
        }, rs -> rs.getString(1)));
    }

    @Override
    public void deleteSession(String tokenDigest) {
        write("delete session", c -> update(c, AccountRows.DELETE_SESSION, ps -> bind(ps, tokenDigest)));
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return write("delete sessions expired before " + cutoff, c -> update(c,
                dialect.deleteExpiredSessions(), ps -> {
                    Jdbc.setInstant(ps, 1, cutoff);
                    ps.setInt(2, limit);
                }));
    }

    @Override
    public void saveTenantSettings(TenantSettings settings) {
        write("save settings of tenant '" + settings.tenant() + "'", c -> update(c,
                AccountRows.UPSERT_TENANT, ps -> AccountRows.bindTenant(ps, settings)));
    }

    @Override
    public Optional<TenantSettings> tenantSettings(String tenant) {
        return read("read settings of tenant '" + tenant + "'", c -> queryOne(c,
                AccountRows.FIND_TENANT, ps -> bind(ps, tenant), AccountRows::tenant));
    }

    @Override
    public List<TenantSettings> tenants() {
        return read("list tenants", c -> query(c, AccountRows.TENANTS, ps -> { }, AccountRows::tenant));
    }

    @Override
    public void saveInteraction(Interaction interaction) {
        write("save interaction '" + interaction.id() + "'", c -> update(c,
                ActivityRows.UPSERT_INTERACTION, ps -> ActivityRows.bindInteraction(ps, interaction)));
    }

    /** Committed without waiting for the disk ({@link StoreConnections#writeWithoutFlush}): churn told again. */
    @Override
    public void saveInteractionState(Interaction interaction) {
        try {
            connections.writeWithoutFlush(c -> update(c, ActivityRows.UPSERT_INTERACTION,
                    ps -> ActivityRows.bindInteraction(ps, interaction)));
        } catch (SQLException e) {
            throw failed("save interaction state '" + interaction.id() + "'", e);
        }
    }

    @Override
    public Optional<Interaction> findInteraction(String id) {
        return read("find interaction '" + id + "'", c -> queryOne(c,
                ActivityRows.FIND_INTERACTION, ps -> bind(ps, id), ActivityRows::interaction));
    }

    @Override
    public List<Interaction> liveInteractions() {
        return read("list live interactions", c -> query(c,
                ActivityRows.LIVE_INTERACTIONS, ps -> { }, ActivityRows::interaction));
    }

    @Override
    public List<Interaction> liveInteractions(String tenant) {
        return read("list live interactions of tenant '" + tenant + "'", c -> query(c,
                ActivityRows.LIVE_INTERACTIONS_OF, ps -> bind(ps, tenant), ActivityRows::interaction));
    }

    @Override
    public void saveHelpRequest(HelpRequest request) {
        write("save help request '" + request.id() + "'", c -> update(c,
                ActivityRows.UPSERT_HELP_REQUEST, ps -> ActivityRows.bindHelpRequest(ps, request)));
    }

    @Override
    public Optional<HelpRequest> findHelpRequest(String id) {
        return read("find help request '" + id + "'", c -> queryOne(c,
                ActivityRows.FIND_HELP_REQUEST, ps -> bind(ps, id), ActivityRows::helpRequest));
    }

    @Override
    public List<HelpRequest> openHelpRequests() {
        return read("list open help requests", c -> query(c,
                ActivityRows.OPEN_HELP_REQUESTS, ps -> { }, ActivityRows::helpRequest));
    }

    @Override
    public List<HelpRequest> openHelpRequests(String tenant) {
        return read("list open help requests of tenant '" + tenant + "'", c -> query(c,
                ActivityRows.OPEN_HELP_REQUESTS_OF, ps -> bind(ps, tenant), ActivityRows::helpRequest));
    }

    @Override
    public Page<HelpRequest> searchHelpRequests(HelpRequestQuery q) {
        KeysetSearch.Sql sql = KeysetSearch.helpRequests(q);
        return read("search help requests of tenant '" + q.tenant() + "' domain '" + q.domain() + "'",
                c -> KeysetSearch.page(query(c, sql.text(), sql::bind, ActivityRows::helpRequest),
                        sql.limit(), HelpRequest::createdAt, HelpRequest::id));
    }

    @Override
    public void saveAction(SupervisorAction action) {
        write("save supervisor action '" + action.id() + "'", c -> update(c,
                ActivityRows.UPSERT_ACTION, ps -> ActivityRows.bindAction(ps, action)));
    }

    @Override
    public void saveAll(List<HelpRequest> requests, List<SupervisorAction> actions, List<Interaction> interactions) {
        String operation = "save " + requests.size() + " help request(s), " + actions.size() + " action(s) and "
                + interactions.size() + " interaction(s) in one transaction";
        write(operation, c -> ActivityBatch.saveAll(c, requests, actions, interactions));
    }

    @Override
    public Page<SupervisorAction> searchActions(ActionQuery q) {
        KeysetSearch.Sql sql = KeysetSearch.actions(q);
        return read("search supervisor actions of tenant '" + q.tenant() + "' domain '" + q.domain() + "'",
                c -> KeysetSearch.page(query(c, sql.text(), sql::bind, ActivityRows::action),
                        sql.limit(), SupervisorAction::startedAt, SupervisorAction::id));
    }

    @Override
    public AnalyticsRows<HelpRequestTally> helpRequestAnalytics(AnalyticsQuery q) {
        return read("help-request analytics of tenant '" + q.tenant() + "' domain '" + q.domain() + "' by "
                + q.groupBy(), c -> dialect.helpRequestAnalytics(c, q));
    }

    @Override
    public AnalyticsRows<InterventionTally> interventionAnalytics(AnalyticsQuery q) {
        return read("intervention analytics of tenant '" + q.tenant() + "' domain '" + q.domain() + "' by "
                + q.groupBy(), c -> dialect.interventionAnalytics(c, q));
    }

    @Override
    public List<SupervisorAction> openActions() {
        return read("list running supervisor actions", c -> query(c,
                "SELECT " + ActivityRows.ACTION_COLUMNS + " FROM actions WHERE ended_at IS NULL",
                ps -> { }, ActivityRows::action));
    }

    @Override
    public List<SupervisorAction> openActions(String tenant) {
        return read("list running supervisor actions of tenant '" + tenant + "'", c -> query(c,
                "SELECT " + ActivityRows.ACTION_COLUMNS + " FROM actions WHERE tenant = ? AND ended_at IS NULL",
                ps -> bind(ps, tenant), ActivityRows::action));
    }

    @Override
    public Optional<JournalDevice> journalDevice(String deviceId) {
        return read("find journal device '" + deviceId + "'", c -> queryOne(c, StoredJournalRows.FIND_DEVICE,
                ps -> bind(ps, deviceId), StoredJournalRows::device));
    }

    @Override
    public List<JournalDevice> journalDevices(String tenant, String domain) {
        if (tenant == null && domain == null) {
            return read("list journal devices", c -> query(c, StoredJournalRows.ALL_DEVICES, ps -> { },
                    StoredJournalRows::device));
        }
        return read("list journal devices of tenant '" + tenant + "' domain '" + domain + "'", c -> query(c,
                StoredJournalRows.DEVICES, ps -> bind(ps, tenant, domain), StoredJournalRows::device));
    }

    @Override
    public List<JournalEntry> journalEntries(String deviceId, long afterSeq, int limit) {
        return read("read journal of device '" + deviceId + "' after seq " + afterSeq, c -> query(c,
                StoredJournalRows.RANGE, ps -> {
                    bind(ps, deviceId);
                    ps.setLong(2, afterSeq);
                    ps.setInt(3, limit);
                }, JournalRows::entry));
    }

    @Override
    public Map<String, String> journalIds(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        read("look up " + ids.size() + " journal entry id(s)", c -> query(c, StoredJournalRows.idsQuery(ids.size()),
                ps -> bind(ps, ids.toArray(String[]::new)),
                rs -> found.put(rs.getString(1), rs.getString(2) + "#" + rs.getLong(3))));
        return found;
    }

    @Override
    public void appendJournal(JournalDevice head, List<JournalEntry> entries, Instant receivedAt) {
        write("store " + entries.size() + " journal entries of device '" + head.deviceId() + "'",
                c -> StoredJournalRows.append(c, head, entries, receivedAt));
    }

    @Override
    public Page<JournalEntry> searchJournal(JournalQuery q) {
        KeysetSearch.Sql sql = KeysetSearch.journal(q);
        return read("search journal entries of tenant '" + q.tenant() + "' domain '" + q.domain() + "'",
                c -> KeysetSearch.page(query(c, sql.text(), sql::bind, JournalRows::entry), sql.limit(),
                        e -> Instant.ofEpochMilli(e.clientTime()), JournalEntry::id));
    }

    /** Closes the connections; later calls throw {@link StoreException}. Closing twice is harmless. */
    @Override
    public void close() {
        connections.close();
    }

    @Override
    public Optional<PlatformConnection> platformConnection(String tenant) {
        return read("read the platform connection of tenant '" + tenant + "'", c -> queryOne(c,
                PlatformRows.FIND_CONNECTION, ps -> bind(ps, tenant), PlatformRows::connection));
    }

    @Override
    public void savePlatformConnection(PlatformConnection connection) {
        write("save the platform connection of tenant '" + connection.tenant() + "'", c -> update(c,
                PlatformRows.UPSERT_CONNECTION, ps -> PlatformRows.bindConnection(ps, connection)));
    }

    @Override
    public Optional<User> findUserByPlatformId(String tenant, String platformUserId) {
        return read("find the user of tenant '" + tenant + "' with platform id '" + platformUserId + "'",
                c -> queryOne(c, AccountRows.FIND_USER_BY_PLATFORM_ID, ps -> bind(ps, tenant, platformUserId),
                        this::user));
    }

    @Override
    public Optional<Interaction> findInteractionByPlatformId(String tenant, String platformId) {
        return read("find the interaction of tenant '" + tenant + "' with platform id '" + platformId + "'",
                c -> queryOne(c, ActivityRows.FIND_INTERACTION_BY_PLATFORM_ID,
                        ps -> bind(ps, tenant, platformId), ActivityRows::interaction));
    }

    @Override
    public int deletePlatformEventsBefore(Instant cutoff, int limit) {
        return write("forget platform event ids received before " + cutoff, c -> update(c,
                PlatformRows.DELETE_OLD_EVENTS, ps -> {
                    Jdbc.setInstant(ps, 1, cutoff);
                    ps.setInt(2, limit);
                }));
    }

    @Override
    public Set<String> seenPlatformEvents(String tenant, List<String> eventIds) {
        return read("look up " + eventIds.size() + " platform event id(s) of tenant '" + tenant + "'",
                c -> PlatformRows.seen(c, tenant, eventIds));
    }

    @Override
    public void savePlatformEvents(String tenant, List<String> eventIds, Instant receivedAt,
                                   List<HelpRequest> requests, List<SupervisorAction> actions,
                                   List<Interaction> interactions) {
        write("apply " + eventIds.size() + " platform event(s) of tenant '" + tenant + "'",
                c -> ActivityBatch.savePlatformEvents(c, tenant, eventIds, receivedAt, requests, actions,
                        interactions));
    }

    @Override
    public List<String> endSessionsOf(String userId) {
        return write("end the sessions of user '" + userId + "'", c -> Jdbc.inTransaction(c, conn -> {
            List<String> digests = query(conn, AccountRows.SESSIONS_OF_USER, ps -> bind(ps, userId),
                    rs -> rs.getString(1));
            update(conn, AccountRows.DELETE_SESSIONS_OF_USER, ps -> bind(ps, userId));
            return digests;
        }));
    }

    @Override
    public void saveIdentitySettings(IdentitySettings settings, AdminChange change) {
        write("save identity settings of tenant '" + settings.tenant() + "'", c -> Jdbc.inTransaction(c,
                conn -> {
                    String json = IdentityRows.settingsJson(settings);
                    update(conn, IdentityRows.UPSERT_SETTINGS, ps -> bind(ps, settings.tenant(), json));
                    if (change != null) {
                        IdentityRows.insertChange(conn, change);
                    }
                    return null;
                }));
    }

    @Override
    public Optional<IdentitySettings> identitySettings(String tenant) {
        return read("read identity settings of tenant '" + tenant + "'", c -> queryOne(c,
                IdentityRows.FIND_SETTINGS, ps -> bind(ps, tenant),
                rs -> IdentityRows.settings(rs.getString(1), tenant)));
    }

    @Override
    public void saveUser(User user, String passwordHash, AdminChange change) {
        writeUser("save", AccountRows.UPSERT_USER, user, passwordHash, change);
    }

    /** A user's row (by {@code sql}: an upsert or an insert) and the change that wrote it, in one transaction. */
    private void writeUser(String what, String sql, User user, String passwordHash, AdminChange change) {
        write(what + " user '" + user.id() + "'", c -> Jdbc.inTransaction(c, conn -> {
            // a domain a group mapping names joins the tenant's domains (administration checks its own first)
            update(conn, ScimRows.ENSURE_DOMAIN, ps -> bind(ps, user.tenant(), user.domain()));
            update(conn, sql, ps -> AccountRows.bindUser(ps, user, passwordHash));
            IdentityRows.insertChange(conn, change);
            return null;
        }));
    }

    @Override
    public void createUser(User user, String passwordHash, AdminChange change) {
        writeUser("create", AccountRows.INSERT_USER, user, passwordHash, change);
    }

    @Override
    public void recordAdminChange(AdminChange change) {
        write("record change '" + change.action() + "' of tenant '" + change.tenant() + "'",
                c -> {
                    IdentityRows.insertChange(c, change);
                    return null;
                });
    }

    @Override
    public Page<AdminChange> searchAdminChanges(AdminChangeQuery q) {
        KeysetSearch.Sql sql = KeysetSearch.adminChanges(q);
        return read("search the administration audit of tenant '" + q.tenant() + "'",
                c -> KeysetSearch.page(query(c, sql.text(), sql::bind, IdentityRows::change),
                        sql.limit(), AdminChange::at, AdminChange::id));
    }

    @Override
    public List<TenantDomain> domains(String tenant) {
        return read("read the domains of tenant '" + tenant + "'", c -> query(c, AdminRows.DOMAINS,
                ps -> bind(ps, tenant), AdminRows::domain));
    }

    @Override
    public void saveDomain(String tenant, String name, AdminChange change) {
        write("save domain '" + name + "' of tenant '" + tenant + "'", c -> Jdbc.inTransaction(c, conn -> {
            update(conn, AdminRows.INSERT_DOMAIN, ps -> bind(ps, tenant, name));
            if (change != null) {
                IdentityRows.insertChange(conn, change);
            }
            return null;
        }));
    }

    @Override
    public void saveSsoAttempt(SsoAttempt attempt) {
        write("save a single sign-on attempt of tenant '" + attempt.tenant() + "'",
                c -> update(c, SsoRows.INSERT_ATTEMPT, ps -> SsoRows.bindAttempt(ps, attempt)));
    }

    @Override
    public Optional<SsoAttempt> takeSsoAttempt(String stateDigest) {
        return write("take a single sign-on attempt", c -> dialect.takeSsoAttempt(c, stateDigest));
    }

    @Override
    public Optional<UserAccount> userAccount(String userId) {
        return read("read the account of user '" + userId + "'", c -> queryOne(c, AdminRows.FIND_ACCOUNT,
                ps -> bind(ps, userId), this::account));
    }

    @Override
    public Page<UserAccount> searchUsers(UserQuery q) {
        KeysetSearch.Sql sql = AdminRows.users(q, dialect);
        return read("search the users of tenant '" + q.tenant() + "'",
                c -> AdminRows.page(query(c, sql.text(), sql::bind, this::account), sql.limit()));
    }

    private UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(user(rs), rs.getString("source"), rs.getBoolean("has_password"));
    }

    @Override
    public int deleteSsoAttemptsExpiredBefore(Instant cutoff, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return write("delete single sign-on attempts expired before " + cutoff, c -> update(c,
                dialect.deleteExpiredSsoAttempts(), ps -> {
                    Jdbc.setInstant(ps, 1, cutoff);
                    ps.setInt(2, limit);
                }));
    }

    @Override
    public Optional<UserLink> userLink(String tenant, String issuer, String subject) {
        return read("find the user linked to a subject of " + issuer, c -> queryOne(c, SsoRows.FIND_LINK,
                ps -> bind(ps, tenant, issuer, subject), SsoRows::link));
    }

    @Override
    public Optional<UserLink> userLinkOf(String userId, String issuer) {
        return read("find the link of user '" + userId + "' to " + issuer, c -> queryOne(c,
                SsoRows.FIND_LINK_OF_USER, ps -> bind(ps, userId, issuer), SsoRows::link));
    }

    @Override
    public void saveUserLink(UserLink link) {
        write("link user '" + link.userId() + "' to " + link.issuer(),
                c -> update(c, SsoRows.INSERT_LINK, ps -> SsoRows.bindLink(ps, link)));
    }

    @Override
    public void saveLinkedUser(User user, UserLink link, AdminChange change) {
        write("create user '" + user.id() + "' linked to " + link.issuer(), c -> Jdbc.inTransaction(c, conn -> {
            update(conn, ScimRows.ENSURE_DOMAIN, ps -> bind(ps, user.tenant(), user.domain()));
            update(conn, SsoRows.INSERT_USER, ps -> AccountRows.bindUser(ps, user, null));
            update(conn, SsoRows.INSERT_LINK, ps -> SsoRows.bindLink(ps, link));
            IdentityRows.insertChange(conn, change);
            return null;
        }));
    }

    /** Runs work that writes; {@code work} makes its own transaction when it needs one. */
    <T> T write(String operation, Jdbc.SqlWork<T> work) {
        try {
            return connections.write(work);
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** Runs work that only reads. */
    <T> T read(String operation, Jdbc.SqlWork<T> work) {
        try {
            return connections.read(work);
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    private static StoreException failed(String operation, SQLException e) {
        return new StoreException(operation + " failed: " + e.getMessage(), e);
    }

    User user(ResultSet rs) throws SQLException {
        return AccountRows.user(rs, roles);
    }

    private static void bind(PreparedStatement ps, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Jdbc.setText(ps, i + 1, values[i]);
        }
    }
}
