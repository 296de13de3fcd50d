package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.query;
import static io.huddle.gateway.store.Jdbc.queryOne;
import static io.huddle.gateway.store.Jdbc.setText;
import static io.huddle.gateway.store.Jdbc.update;

import io.huddle.domain.AdminChange;
import io.huddle.domain.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link ScimStore} over JDBC, for both engines: through the gateway store's connections and its dialect. */
final class JdbcScimStore implements ScimStore {

    private final JdbcGatewayStore store;
    private final SqlDialect dialect;

    JdbcScimStore(JdbcGatewayStore store, SqlDialect dialect) {
        this.store = store;
        this.dialect = dialect;
    }

    @Override
    public void saveToken(ScimToken t, String tokenDigest, AdminChange change) {
        store.write("save SCIM token '" + t.id() + "' of tenant '" + t.tenant() + "'", c -> Jdbc.inTransaction(c,
                conn -> {
                    update(conn, ScimRows.INSERT_TOKEN, ps -> {
                        setText(ps, 1, t.id());
                        setText(ps, 2, t.tenant());
                        setText(ps, 3, t.name());
                        Jdbc.setInstant(ps, 4, t.createdAt());
                        setText(ps, 5, t.createdBy());
                        Jdbc.setInstant(ps, 6, t.lastUsedAt());
                        setText(ps, 7, tokenDigest);
                    });
                    IdentityRows.insertChange(conn, change);
                    return null;
                }));
    }

    @Override
    public List<ScimToken> tokens(String tenant) {
        return store.read("list SCIM tokens of tenant '" + tenant + "'", c -> query(c, ScimRows.TOKENS,
                ps -> setText(ps, 1, tenant), ScimRows::token));
    }

    @Override
    public Optional<ScimToken> tokenByDigest(String tokenDigest) {
        return store.read("look up SCIM token", c -> queryOne(c, ScimRows.TOKEN_BY_DIGEST,
                ps -> setText(ps, 1, tokenDigest), ScimRows::token));
    }

    @Override
    public boolean deleteToken(String tenant, String tokenId, AdminChange change) {
        return store.write("revoke SCIM token '" + tokenId + "' of tenant '" + tenant + "'",
                c -> Jdbc.inTransaction(c, conn -> {
                    int deleted = update(conn, ScimRows.DELETE_TOKEN, ps -> bind(ps, tenant, tokenId));
                    if (deleted > 0) {
                        IdentityRows.insertChange(conn, change);
                    }
                    return deleted > 0;
                }));
    }

    @Override
    public void tokenUsed(String tokenId, Instant at) {
        store.write("note the use of SCIM token '" + tokenId + "'", c -> update(c, ScimRows.TOKEN_USED, ps -> {
            Jdbc.setInstant(ps, 1, at);
            setText(ps, 2, tokenId);
        }));
    }

    @Override
    public Optional<ScimUser> user(String tenant, String userId) {
        return store.read("find SCIM user '" + userId + "' of tenant '" + tenant + "'", c -> queryOne(c,
                ScimRows.USER_BY_ID, ps -> bind(ps, tenant, userId), this::scimUser));
    }

    @Override
    public Optional<ScimUser> userByName(String tenant, String username) {
        return store.read("find SCIM user named '" + username + "' of tenant '" + tenant + "'", c -> queryOne(c,
                dialect.scimUserByName(), ps -> bind(ps, tenant, username, username), this::scimUser));
    }

    @Override
    public ScimPage<ScimUser> users(String tenant, ScimCondition where, int offset, int limit) {
        ScimRows.Where w = ScimRows.users(where, dialect);
        String filter = " WHERE u.tenant = ? AND " + w.sql();
        return store.read("list SCIM users of tenant '" + tenant + "'", c -> {
            int total = count(c, "SELECT COUNT(*)" + ScimRows.USER_FROM + filter, tenant, w.args());
            List<ScimUser> items = limit == 0 ? List.of() : query(c, ScimRows.USER_SELECT + filter
                    + " ORDER BY u.username, u.id LIMIT ? OFFSET ?", ps -> bindPage(ps, tenant, w.args(), limit, offset),
                    this::scimUser);
            return new ScimPage<>(total, items);
        });
    }

    @Override
    public boolean userIdDeleted(String tenant, String userId) {
        return store.read("look up deleted user id '" + userId + "'", c -> queryOne(c,
                ScimRows.USER_ID_DELETED, ps -> bind(ps, tenant, userId), rs -> true)).isPresent();
    }

    @Override
    public void saveUsers(List<ScimUser> users, List<AdminChange> changes) {
        store.write("save " + users.size() + " SCIM user(s)", c -> Jdbc.inTransaction(c, conn -> {
            for (ScimUser u : users) {
                update(conn, ScimRows.ENSURE_DOMAIN, ps -> bind(ps, u.user().tenant(), u.user().domain()));
                update(conn, ScimRows.UPSERT_USER, ps -> AccountRows.bindUser(ps, u.user(), null));
                update(conn, ScimRows.UPSERT_SCIM_USER, ps -> {
                    bind(ps, u.user().id(), u.user().tenant(), u.externalId());
                    Jdbc.setBoolean(ps, 4, u.managed());
                });
            }
            insertChanges(conn, changes);
            return null;
        }));
    }

    @Override
    public void createUser(ScimUser u, AdminChange change) {
        store.write("create SCIM user '" + u.user().id() + "'", c -> Jdbc.inTransaction(c, conn -> {
            update(conn, ScimRows.ENSURE_DOMAIN, ps -> bind(ps, u.user().tenant(), u.user().domain()));
            update(conn, ScimRows.INSERT_USER, ps -> AccountRows.bindUser(ps, u.user(), null));
            update(conn, ScimRows.UPSERT_SCIM_USER, ps -> {
                bind(ps, u.user().id(), u.user().tenant(), u.externalId());
                Jdbc.setBoolean(ps, 4, u.managed());
            });
            insertChanges(conn, List.of(change));
            return null;
        }));
    }

    @Override
    public void deleteUser(User user, AdminChange change) {
        store.write("delete user '" + user.id() + "'", c -> Jdbc.inTransaction(c, conn -> {
            update(conn, ScimRows.DELETE_USER, ps -> bind(ps, user.tenant(), user.id()));
            IdentityRows.insertChange(conn, change);
            return null;
        }));
    }

    @Override
    public List<String> groupNamesOf(String userId) {
        return groupsOf(userId).stream().map(ScimGroup::displayName).toList();
    }

    @Override
    public List<ScimGroup> groupsOf(String userId) {
        return store.read("list the SCIM groups of user '" + userId + "'", c -> query(c,
                ScimRows.GROUPS_OF_USER, ps -> setText(ps, 1, userId), ScimRows::group));
    }

    @Override
    public Optional<ScimGroup> group(String tenant, String groupId) {
        return store.read("find SCIM group '" + groupId + "' of tenant '" + tenant + "'", c -> {
            Optional<ScimGroup> g = queryOne(c, ScimRows.GROUP_BY_ID, ps -> bind(ps, tenant, groupId),
                    ScimRows::group);
            return g.isEmpty() ? g : Optional.of(withMembers(c, g.get()));
        });
    }

    @Override
    public Optional<ScimGroup> groupByName(String tenant, String displayName) {
        return store.read("find SCIM group named '" + displayName + "' of tenant '" + tenant + "'", c -> queryOne(c,
                dialect.scimGroupByName(), ps -> bind(ps, tenant, displayName), ScimRows::group));
    }

    @Override
    public ScimPage<ScimGroup> groups(String tenant, ScimCondition where, int offset, int limit, boolean members) {
        ScimRows.Where w = ScimRows.groups(where, dialect);
        String filter = " WHERE g.tenant = ? AND " + w.sql();
        return store.read("list SCIM groups of tenant '" + tenant + "'", c -> {
            int total = count(c, "SELECT COUNT(*)" + ScimRows.GROUP_FROM + filter, tenant, w.args());
            List<ScimGroup> items = limit == 0 ? List.of() : query(c, "SELECT " + ScimRows.GROUP_COLUMNS
                    + ScimRows.GROUP_FROM + filter + " ORDER BY g.display_name, g.id LIMIT ? OFFSET ?",
                    ps -> bindPage(ps, tenant, w.args(), limit, offset), ScimRows::group);
            if (members) {
                List<ScimGroup> full = new java.util.ArrayList<>(items.size());
                for (ScimGroup g : items) {
                    full.add(withMembers(c, g));
                }
                items = full;
            }
            return new ScimPage<>(total, items);
        });
    }

    @Override
    public void saveGroup(ScimGroup g, List<User> placed, List<AdminChange> changes) {
        store.write("save SCIM group '" + g.id() + "' of tenant '" + g.tenant() + "'", c -> Jdbc.inTransaction(c,
                conn -> {
                    update(conn, ScimRows.UPSERT_GROUP, ps -> {
                        bind(ps, g.id(), g.tenant(), g.displayName(), g.externalId());
                        Jdbc.setInstant(ps, 5, g.createdAt());
                        Jdbc.setInstant(ps, 6, g.updatedAt());
                    });
                    update(conn, ScimRows.DELETE_MEMBERS, ps -> setText(ps, 1, g.id()));
                    try (PreparedStatement ps = conn.prepareStatement(ScimRows.INSERT_MEMBER)) {
                        for (String member : g.memberIds()) {
                            bind(ps, g.id(), member);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    savePlaced(conn, placed);
                    insertChanges(conn, changes);
                    return null;
                }));
    }

    @Override
    public void deleteGroup(ScimGroup g, List<User> placed, List<AdminChange> changes) {
        store.write("delete SCIM group '" + g.id() + "' of tenant '" + g.tenant() + "'",
                c -> Jdbc.inTransaction(c, conn -> {
                    update(conn, ScimRows.DELETE_GROUP, ps -> bind(ps, g.tenant(), g.id()));
                    savePlaced(conn, placed);
                    insertChanges(conn, changes);
                    return null;
                }));
    }

    private static void savePlaced(Connection conn, List<User> placed) throws SQLException {
        for (User u : placed) {
            update(conn, ScimRows.ENSURE_DOMAIN, ps -> bind(ps, u.tenant(), u.domain()));
            update(conn, ScimRows.UPSERT_USER, ps -> AccountRows.bindUser(ps, u, null));
        }
    }

    private static void insertChanges(Connection conn, List<AdminChange> changes) throws SQLException {
        for (AdminChange change : changes) {
            IdentityRows.insertChange(conn, change);
        }
    }

    private static ScimGroup withMembers(Connection c, ScimGroup g) throws SQLException {
        List<String> members = query(c, ScimRows.MEMBERS, ps -> setText(ps, 1, g.id()), rs -> rs.getString(1));
        return new ScimGroup(g.id(), g.tenant(), g.displayName(), g.externalId(), g.createdAt(), g.updatedAt(),
                members);
    }

    private ScimUser scimUser(ResultSet rs) throws SQLException {
        return new ScimUser(store.user(rs), rs.getString("external_id"), rs.getBoolean("managed"));
    }

    private static int count(Connection c, String sql, String tenant, List<Object> args) throws SQLException {
        return queryOne(c, sql, ps -> {
            setText(ps, 1, tenant);
            Jdbc.setAll(ps, 2, args);
        }, rs -> rs.getInt(1)).orElse(0);
    }

    private static void bindPage(PreparedStatement ps, String tenant, List<Object> args, int limit, int offset)
            throws SQLException {
        setText(ps, 1, tenant);
        Jdbc.setAll(ps, 2, args);
        ps.setInt(2 + args.size(), limit);
        ps.setInt(3 + args.size(), offset);
    }

    private static void bind(PreparedStatement ps, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            setText(ps, i + 1, values[i]);
        }
    }
}
