package io.huddle.gateway.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the keyset-paginated audit searches. Each search is always scoped to one tenant and domain,
 * adds an equality for every filter that is set, a half-open time range, and resumes strictly after
 * the cursor's (time, id). One extra row is fetched to know whether another page exists.
 */
final class KeysetSearch {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final String table;
    private final String columns;
    private final String timeColumn;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private int limit = DEFAULT_LIMIT;

    /** The finished statement: SQL text and its parameters in order (String, Long or Integer). */
    record Sql(String text, List<Object> params, int limit) {
        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
        }
    }

    static Sql actions(ActionQuery q) {
        return new KeysetSearch("actions", ActivityRows.ACTION_COLUMNS, "started_at", q.tenant(), q.domain())
                .equal("supervisor_id", q.supervisorId())
                .equal("agent_id", q.agentId())
                .equal("interaction_id", q.interactionId())
                .equal("help_request_id", q.helpRequestId())
                .equal("action", q.action())
                .between(q.from(), q.to())
                .after(q.cursor())
                .limit(q.limit())
                .build();
    }

    static Sql journal(JournalQuery q) {
        return new KeysetSearch("journal_entries", StoredJournalRows.COLUMNS, "client_time", q.tenant(), q.domain())
                .equal("supervisor_id", q.supervisorId())
                .equal("agent_id", q.agentId())
                .equal("interaction_id", q.interactionId())
                .equal("help_request_id", q.helpRequestId())
                .equal("action", q.action())
                .equal("device_id", q.deviceId())
                .between(q.from(), q.to())
                .after(q.cursor())
                .limit(q.limit())
                .build();
    }

    static Sql helpRequests(HelpRequestQuery q) {
        return new KeysetSearch("help_requests", ActivityRows.HELP_REQUEST_COLUMNS, "created_at", q.tenant(),
                q.domain())
                .equal("status", q.status())
                .equal("agent_id", q.agentId())
                .equal("help_provided_by", q.helpProvidedBy())
                .between(q.from(), q.to())
                .after(q.cursor())
                .limit(q.limit())
                .build();
    }

    /** The audit of administration: scoped to a tenant alone, as an admin's authority is. */
    static Sql adminChanges(AdminChangeQuery q) {
        return new KeysetSearch("admin_changes", IdentityRows.CHANGE_COLUMNS, "at", q.tenant())
                .equal("actor_id", q.actorId())
                .equal("action", q.action())
                .equal("target_id", q.targetId())
                .between(q.from(), q.to())
                .after(q.cursor())
                .limit(q.limit())
                .build();
    }

    private KeysetSearch(String table, String columns, String timeColumn, String tenant, String domain) {
        this(table, columns, timeColumn, tenant);
        Objects.requireNonNull(domain, "a search is always scoped to a domain");
        where.append(" AND domain = ?");
        params.add(domain);
    }

    private KeysetSearch(String table, String columns, String timeColumn, String tenant) {
        this.table = table;
        this.columns = columns;
        this.timeColumn = timeColumn;
        Objects.requireNonNull(tenant, "a search is always scoped to a tenant");
        where.append("tenant = ?");
        params.add(tenant);
    }

    /** Adds {@code column = value} unless value is null. */
    private KeysetSearch equal(String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** {@code from} inclusive, {@code to} exclusive; either may be null. */
    private KeysetSearch between(Instant from, Instant to) {
        if (from != null) {
            where.append(" AND ").append(timeColumn).append(" >= ?");
            params.add(from.toEpochMilli());
        }
        if (to != null) {
            where.append(" AND ").append(timeColumn).append(" < ?");
            params.add(to.toEpochMilli());
        }
        return this;
    }

    /** Resumes strictly after the cursor's key; a malformed cursor is a {@code DomainException} BAD_REQUEST. */
    private KeysetSearch after(String cursor) {
        if (cursor != null) {
            SearchCursor key = SearchCursor.decode(cursor);
            where.append(" AND (").append(timeColumn).append(", id) > (?, ?)");
            params.add(key.epochMillis());
            params.add(key.id());
        }
        return this;
    }

    private KeysetSearch limit(int requested) {
        this.limit = clamp(requested);
        return this;
    }

    private static int clamp(int requested) {
        return requested <= 0 ? DEFAULT_LIMIT : Math.min(requested, MAX_LIMIT);
    }

    private Sql build() {
        List<Object> all = new ArrayList<>(params);
        all.add(limit + 1);
        String text = "SELECT " + columns + " FROM " + table + " WHERE " + where
                + " ORDER BY " + timeColumn + ", id LIMIT ?";
        return new Sql(text, all, limit);
    }

    /** Cuts the extra row off and, when there was one, makes the cursor of the last item kept. */
    static <T> Page<T> page(List<T> rows, int limit, Function<T, Instant> time, Function<T, String> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        T last = items.get(limit - 1);
        return new Page<>(items, SearchCursor.encode(Objects.requireNonNull(time.apply(last)), id.apply(last)));
    }
}
