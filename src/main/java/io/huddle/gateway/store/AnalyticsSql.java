package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics queries (docs/analytics.md), on either engine: added up in SQL over the scope's time-range
 * indexes, with {@code COUNT(*) FILTER (...)}, which both engines take. What they word differently is the
 * {@link Wording}. Percentiles of the time to accept are exact: the nearest rank, {@code ceil(p * n / 100)}, by a
 * window function.
 */
final class AnalyticsSql {
    /**
     * An engine's own words in these queries.
     *
     * @param helpRequestsFrom the FROM of the help requests' rows, alias {@code h} (SQLite names its covering index)
     * @param actionsFrom the FROM of the actions' rows, alias {@code a}
     * @param escalated the condition on {@code h} that the ladder escalated the request (its steps are a JSON array
     *     of objects, each with its step: StoredJson)
     * @param larger the function that answers the larger of two values
     * @param helpRequestJoin the LEFT JOIN of an action's help request, alias {@code h}, for its reason
     */
    record Wording(String helpRequestsFrom, String actionsFrom, String escalated, String larger,
                   String helpRequestJoin) {
    }

    static final Wording POSTGRES = new Wording(" FROM help_requests h", " FROM actions a",
            " h.escalations @> '[{\"step\": \"escalated\"}]'::jsonb", "GREATEST",
            " LEFT JOIN help_requests h ON h.id = a.help_request_id");
    /**
     * The step is the first field of each step's object as SQLite keeps the text; the planner is told the
     * covering indexes, or it would take the narrower scope indexes (or the primary key's) and look up every row.
     * The escalation condition is, word for word, the last expression of {@code help_requests_analytics}
     * (SqliteSchema, version 11), so it is read from the index.
     */
    static final Wording SQLITE = new Wording(" FROM help_requests h INDEXED BY help_requests_analytics",
            " FROM actions a INDEXED BY actions_analytics", " instr(h.escalations, '{\"step\":\"escalated\"') > 0",
            "MAX", " LEFT JOIN help_requests h INDEXED BY help_requests_reason ON h.id = a.help_request_id");

    private static final String MODES = "('MONITOR', 'COACH', 'BARGE_IN')";

    private AnalyticsSql() {
    }

    static AnalyticsRows<HelpRequestTally> helpRequests(Connection c, AnalyticsQuery q, Wording w)
            throws SQLException {
        String label = switch (q.groupBy()) {
            case AGENT -> "h.agent_name";
            case SUPERVISOR -> "h.help_provided_by_name";
            default -> "NULL";
        };
        Statement rows = helpRequestRows(q, w, label + " AS lbl, h.status, h.accepted_at - h.created_at AS a,"
                + " COALESCE(h.accepted_at, h.cancelled_at, h.closed_at, ?) - h.created_at AS w, h.agent_id,"
                + w.escalated() + " AS esc", "");
        // in the order of the text: the service level thrice in the outer select, then the rows, then the limit
        List<Object> params = new ArrayList<>(List.of(q.acceptWithinMillis(), q.acceptWithinMillis(),
                q.acceptWithinMillis(), q.asOf().toEpochMilli()));
        params.addAll(rows.params);
        params.add(q.maxGroups() + 1);
        String sql = "SELECT " + group(q) + ", MAX(lbl) AS label, COUNT(*) AS requests,"
                + count("status = 'CLOSED'") + " AS closed," + count("status = 'CANCELLED'") + " AS cancelled,"
                + count("status IN ('PENDING', 'IN_PROGRESS')") + " AS open, COUNT(a) AS accepted,"
                + " MAX(a) AS accept_max," + count("a <= ?") + " AS accepted_within,"
                + count("a IS NOT NULL OR w > ?") + " AS service_level_base," + count("w > ?") + " AS breaches,"
                + count("esc") + " AS escalated, COUNT(DISTINCT agent_id) AS agents"
                + " FROM (" + rows.sql + ") r" + groupBy(q) + order(q, "requests");
        List<HelpRequestTally> tallies = query(c, sql, ps -> Jdbc.setAll(ps, 1, params), rs -> {
            long accepted = rs.getLong("accepted");
            return new HelpRequestTally(key(rs, q.groupBy()), rs.getString("label"), rs.getLong("requests"),
                    rs.getLong("closed"), rs.getLong("cancelled"), rs.getLong("open"), accepted, null, null,
                    accepted == 0 ? null : rs.getLong("accept_max"), rs.getLong("accepted_within"),
                    rs.getLong("service_level_base"), rs.getLong("breaches"), rs.getLong("escalated"),
                    rs.getLong("agents"));
        });
        AnalyticsRows<HelpRequestTally> cut = cut(tallies, q.maxGroups());
        List<HelpRequestTally> kept = cut.groups();

        // the exact percentiles, sorting the waits of the groups kept only when some were left out
        Statement p = helpRequestRows(q, w, "h.accepted_at - h.created_at AS w", " AND h.accepted_at IS NOT NULL");
        if (cut.truncated() && !q.groupBy().isTime()) {
            p.keptOnly(helpRequestGroup(q.groupBy()), kept.stream().map(HelpRequestTally::key).toList());
        }
        Map<String, long[]> percentiles = new HashMap<>();
        query(c, "SELECT g, MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN w END) AS p50,"
                        + " MAX(CASE WHEN rn = (90 * n + 99) / 100 THEN w END) AS p90"
                        + " FROM (SELECT g, w, ROW_NUMBER() OVER (PARTITION BY g ORDER BY w) AS rn,"
                        + " COUNT(*) OVER (PARTITION BY g) AS n FROM (" + p.sql + ") r) t GROUP BY g",
                ps -> Jdbc.setAll(ps, 1, p.params), rs -> {
                    percentiles.put(key(rs, q.groupBy()), new long[] {rs.getLong("p50"), rs.getLong("p90")});
                    return null;
                });
        kept = kept.stream().map(t -> {
            long[] pct = percentiles.get(t.key());
            return pct == null ? t : t.withPercentiles(pct[0], pct[1]);
        }).toList();
        return new AnalyticsRows<>(kept, cut.truncated());
    }

    static AnalyticsRows<InterventionTally> interventions(Connection c, AnalyticsQuery q, Wording w)
            throws SQLException {
        Map<String, long[]> shares = interactionShares(c, q);
        AnalyticsFilter f = q.filter();
        // by queue or channel, the actions are added up per interaction first, so that each interaction is looked
        // up once rather than once per action
        boolean perInteraction = q.groupBy() == AnalyticsGroup.QUEUE || q.groupBy() == AnalyticsGroup.CHANNEL;
        Statement rows = new Statement();
        rows.sql.append("SELECT ").append(perInteraction ? "a.interaction_id" : actionGroup(q.groupBy()))
                .append(" AS g, a.action,")
                .append(' ').append(w.larger()).append("(COALESCE(a.ended_at, ?) - a.started_at, 0) AS d,")
                .append(" CASE WHEN a.action = 'BARGE_IN' AND EXISTS (SELECT 1 FROM actions m")
                .append(" WHERE m.interaction_id = a.interaction_id AND m.tenant = a.tenant")
                .append(" AND m.domain = a.domain AND m.started_at <= a.started_at AND m.action = 'MONITOR'")
                .append(" AND m.supervisor_id = a.supervisor_id) THEN 1 ELSE 0 END AS esc")
                .append(w.actionsFrom());
        rows.params.add(q.asOf().toEpochMilli());
        if (needsInteraction(q.groupBy(), f) && !perInteraction) {
            rows.sql.append(" LEFT JOIN interactions i ON i.id = a.interaction_id");
        }
        if (q.groupBy() == AnalyticsGroup.REASON || !f.reasons().isEmpty()) {
            rows.sql.append(w.helpRequestJoin());
        }
        rows.sql.append(" WHERE a.tenant = ? AND a.domain = ? AND a.started_at >= ? AND a.started_at < ?")
                .append(" AND a.action IN ").append(MODES);
        rows.params.addAll(List.of(q.tenant(), q.domain(), q.from().toEpochMilli(), q.to().toEpochMilli()));
        if (!perInteraction) {
            rows.in("i.channel", f.channels()).in("i.queue", f.queues());
        }
        rows.in("h.reason", f.reasons()).in("a.agent_id", f.agentIds()).in("a.supervisor_id", f.supervisorIds());
        String modes = mode("MONITOR", "m") + mode("COACH", "c") + mode("BARGE_IN", "b");
        // every group, not only the ones kept: every action is in exactly one group, so they add up to the total
        // without a second pass over the range
        List<Object> params = new ArrayList<>(rows.params);
        String sql;
        if (perInteraction) {
            Statement joined = new Statement();
            joined.sql.append("SELECT ").append(actionGroup(q.groupBy())).append(" AS g, x.n, x.m_count, x.m_millis,")
                    .append(" x.c_count, x.c_millis, x.b_count, x.b_millis, x.esc FROM (SELECT g AS ixid, COUNT(*) AS n,")
                    .append(modes).append(" SUM(esc) AS esc FROM (").append(rows.sql).append(") r GROUP BY g) x")
                    .append(" LEFT JOIN interactions i ON i.id = x.ixid WHERE 1 = 1");
            joined.in("i.channel", f.channels()).in("i.queue", f.queues());
            params.addAll(joined.params);
            sql = "SELECT g, SUM(n) AS n, SUM(m_count) AS m_count, SUM(m_millis) AS m_millis, SUM(c_count) AS c_count,"
                    + " SUM(c_millis) AS c_millis, SUM(b_count) AS b_count, SUM(b_millis) AS b_millis,"
                    + " SUM(esc) AS esc FROM (" + joined.sql + ") y GROUP BY g ORDER BY n DESC, g";
        } else {
            sql = "SELECT " + group(q) + ", COUNT(*) AS n," + modes + " SUM(esc) AS esc FROM (" + rows.sql + ") r"
                    + groupBy(q) + (q.groupBy().isTime() ? " ORDER BY g" : " ORDER BY n DESC, g");
        }
        long[] sum = new long[7];
        List<InterventionTally> tallies = query(c, sql, ps -> Jdbc.setAll(ps, 1, params), rs -> {
            long[] row = {rs.getLong("m_count"), rs.getLong("m_millis"), rs.getLong("c_count"),
                rs.getLong("c_millis"), rs.getLong("b_count"), rs.getLong("b_millis"), rs.getLong("esc")};
            for (int i = 0; i < row.length; i++) {
                sum[i] += row[i];
            }
            String key = key(rs, q.groupBy());
            long[] share = shares == null ? null : shares.getOrDefault(key, new long[2]);
            return new InterventionTally(key, null, new InterventionTally.Mode(row[0], row[1]),
                    new InterventionTally.Mode(row[2], row[3]), new InterventionTally.Mode(row[4], row[5]), row[6],
                    share == null ? null : share[0], share == null ? null : share[1]);
        });
        java.util.Set<String> actionKeys = new java.util.HashSet<>();
        tallies.forEach(t -> actionKeys.add(t.key()));
        // the total's interactions: every interaction of the range is in one group of the shares; grouped by
        // supervisor or reason they are counted once over the range (none with a reason filter)
        Map<String, long[]> totalShares = shares != null ? shares
                : f.reasons().isEmpty() ? interactionShares(c, q.grouped(AnalyticsGroup.TOTAL)) : null;
        long[] interactions = new long[2];
        if (totalShares != null) {
            totalShares.values().forEach(n -> {
                interactions[0] += n[0];
                interactions[1] += n[1];
            });
        }
        InterventionTally total = new InterventionTally(null, null, new InterventionTally.Mode(sum[0], sum[1]),
                new InterventionTally.Mode(sum[2], sum[3]), new InterventionTally.Mode(sum[4], sum[5]), sum[6],
                totalShares == null ? null : interactions[0], totalShares == null ? null : interactions[1]);
        if (shares != null && q.groupBy() != AnalyticsGroup.TOTAL && tallies.size() <= q.maxGroups()) {
            // interactions of a group where no supervisor acted: a group too, with no actions
            List<InterventionTally> all = new ArrayList<>(tallies);
            InterventionTally.Mode none = new InterventionTally.Mode(0, 0);
            shares.forEach((key, n) -> {
                if (!actionKeys.contains(key)) {
                    all.add(new InterventionTally(key, null, none, none, none, 0, n[0], n[1]));
                }
            });
            if (q.groupBy().isTime()) {
                all.sort(java.util.Comparator.comparing(InterventionTally::key,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
            }
            tallies = all;
        }
        AnalyticsRows<InterventionTally> cut = cut(tallies, q.maxGroups());
        return new AnalyticsRows<>(named(c, q.groupBy(), cut.groups(), actionKeys), cut.truncated(), total);
    }

    /**
     * Agents' and supervisors' groups of actions ({@code actionKeys}) with the users' display names, looked up for
     * the groups kept only; a group of interactions without actions has no label.
     */
    private static List<InterventionTally> named(Connection c, AnalyticsGroup group, List<InterventionTally> groups,
                                                 java.util.Set<String> actionKeys) throws SQLException {
        List<String> ids = groups.stream().map(InterventionTally::key)
                .filter(k -> k != null && actionKeys.contains(k)).toList();
        if ((group != AnalyticsGroup.AGENT && group != AnalyticsGroup.SUPERVISOR) || ids.isEmpty()) {
            return groups;
        }
        Statement s = new Statement();
        s.sql.append("SELECT id, display_name FROM users WHERE 1 = 1");
        s.in("id", ids);
        Map<String, String> names = new HashMap<>();
        query(c, s.sql.toString(), ps -> Jdbc.setAll(ps, 1, s.params), rs -> {
            names.put(rs.getString("id"), rs.getString("display_name"));
            return null;
        });
        return groups.stream().map(t -> t.key() == null || !actionKeys.contains(t.key()) ? t
                : new InterventionTally(t.key(), names.get(t.key()), t.monitor(), t.coach(), t.bargeIn(),
                        t.monitorToBarge(), t.interactions(), t.interactionsWithAction())).toList();
    }

    /** Per group, the interactions started in the range and how many of them had a supervisor action. */
    private static Map<String, long[]> interactionShares(Connection c, AnalyticsQuery q) throws SQLException {
        String group = switch (q.groupBy()) {
            case HOUR -> "(i.started_at / 3600000) * 3600000";
            case DAY -> "(i.started_at / 86400000) * 86400000";
            case AGENT -> "i.agent_id";
            case QUEUE -> "i.queue";
            case CHANNEL -> "i.channel";
            case TOTAL -> "NULL";
            case SUPERVISOR, REASON -> null;
        };
        AnalyticsFilter f = q.filter();
        if (group == null || !f.reasons().isEmpty()) {
            return null;
        }
        Statement exists = new Statement();
        exists.sql.append("SELECT 1 FROM actions a WHERE a.interaction_id = i.id AND a.tenant = i.tenant")
                .append(" AND a.domain = i.domain AND a.action IN ").append(MODES);
        exists.in("a.supervisor_id", f.supervisorIds());
        Statement s = new Statement();
        s.sql.append("SELECT ").append(group).append(" AS g, COUNT(*) AS n, COUNT(*) FILTER (WHERE EXISTS (")
                .append(exists.sql).append(")) AS w FROM interactions i WHERE i.tenant = ? AND i.domain = ? AND i.started_at >= ?")
                .append(" AND i.started_at < ?");
        s.params.addAll(exists.params);
        s.params.addAll(List.of(q.tenant(), q.domain(), q.from().toEpochMilli(), q.to().toEpochMilli()));
        s.in("i.channel", f.channels()).in("i.queue", f.queues()).in("i.agent_id", f.agentIds());
        s.sql.append(" GROUP BY g");
        Map<String, long[]> shares = new HashMap<>();
        query(c, s.sql.toString(), ps -> Jdbc.setAll(ps, 1, s.params), rs -> {
            shares.put(key(rs, q.groupBy()), new long[] {rs.getLong("n"), rs.getLong("w")});
            return null;
        });
        return shares;
    }

    /** The help requests of the query's scope, range and filters, with {@code g} and the columns asked for. */
    private static Statement helpRequestRows(AnalyticsQuery q, Wording w, String columns, String extraWhere) {
        AnalyticsFilter f = q.filter();
        Statement s = new Statement();
        s.sql.append("SELECT ").append(helpRequestGroup(q.groupBy())).append(" AS g, ").append(columns)
                .append(w.helpRequestsFrom());
        if (needsInteraction(q.groupBy(), f)) {
            s.sql.append(" LEFT JOIN interactions i ON i.id = h.interaction_id");
        }
        s.sql.append(" WHERE h.tenant = ? AND h.domain = ? AND h.created_at >= ? AND h.created_at < ?")
                .append(extraWhere);
        s.params.addAll(List.of(q.tenant(), q.domain(), q.from().toEpochMilli(), q.to().toEpochMilli()));
        s.in("i.channel", f.channels()).in("i.queue", f.queues()).in("h.reason", f.reasons())
                .in("h.agent_id", f.agentIds()).in("h.help_provided_by", f.supervisorIds());
        return s;
    }

    /** A help request's group, as SQL over {@code h} (and {@code i}, its interaction). */
    private static String helpRequestGroup(AnalyticsGroup group) {
        return switch (group) {
            case HOUR -> "(h.created_at / 3600000) * 3600000";
            case DAY -> "(h.created_at / 86400000) * 86400000";
            case AGENT -> "h.agent_id";
            case SUPERVISOR -> "h.help_provided_by";
            case QUEUE -> "i.queue";
            case CHANNEL -> "i.channel";
            case REASON -> "h.reason";
            case TOTAL -> "NULL";
        };
    }

    private static String actionGroup(AnalyticsGroup group) {
        return switch (group) {
            case HOUR -> "(a.started_at / 3600000) * 3600000";
            case DAY -> "(a.started_at / 86400000) * 86400000";
            case AGENT -> "a.agent_id";
            case SUPERVISOR -> "a.supervisor_id";
            case QUEUE -> "i.queue";
            case CHANNEL -> "i.channel";
            case REASON -> "h.reason";
            case TOTAL -> "NULL";
        };
    }

    private static boolean needsInteraction(AnalyticsGroup group, AnalyticsFilter f) {
        return group == AnalyticsGroup.QUEUE || group == AnalyticsGroup.CHANNEL || !f.channels().isEmpty()
                || !f.queues().isEmpty();
    }

    private static String mode(String action, String prefix) {
        return count("action = '" + action + "'") + " AS " + prefix + "_count,"
                + " SUM(CASE WHEN action = '" + action + "' THEN d ELSE 0 END) AS " + prefix + "_millis,";
    }

    /** How many rows of the group meet the condition. */
    private static String count(String condition) {
        return " COUNT(*) FILTER (WHERE " + condition + ")";
    }

    /** The group's key; the total has none (and no GROUP BY), so its key is a NULL of its own. */
    private static String group(AnalyticsQuery q) {
        return q.groupBy() == AnalyticsGroup.TOTAL ? "CAST(NULL AS text) AS g" : "g";
    }

    /** No GROUP BY for the total, so it is one row even when nothing matched. */
    private static String groupBy(AnalyticsQuery q) {
        return q.groupBy() == AnalyticsGroup.TOTAL ? "" : " GROUP BY g";
    }

    /** Hours and days in time order; other groups largest first. One more than asked, to know of the rest. */
    private static String order(AnalyticsQuery q, String size) {
        return (q.groupBy().isTime() ? " ORDER BY g" : " ORDER BY " + size + " DESC, g") + " LIMIT ?";
    }

    private static String key(ResultSet rs, AnalyticsGroup group) throws SQLException {
        if (group.isTime()) {
            long at = rs.getLong("g");
            return rs.wasNull() ? null : Instant.ofEpochMilli(at).toString();
        }
        return rs.getString("g");
    }

    private static <T> AnalyticsRows<T> cut(List<T> rows, int max) {
        return rows.size() > max ? new AnalyticsRows<>(rows.subList(0, max), true) : new AnalyticsRows<>(rows, false);
    }

    /** SQL text and its parameters, built in order. */
    private static final class Statement {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        /** Adds {@code column IN (...)} unless {@code values} is empty. */
        Statement in(String column, Collection<String> values) {
            if (!values.isEmpty()) {
                sql.append(" AND ").append(column).append(" IN (")
                        .append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(')');
                params.addAll(values.stream().sorted().toList());
            }
            return this;
        }

        /** Adds a condition keeping the rows whose {@code column} is one of {@code keys} (a null key: no value). */
        Statement keptOnly(String column, List<String> keys) {
            List<String> values = keys.stream().filter(java.util.Objects::nonNull).sorted().toList();
            List<String> either = new ArrayList<>();
            if (!values.isEmpty()) {
                either.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?"))
                        + ")");
            }
            if (values.size() < keys.size()) {
                either.add(column + " IS NULL");
            }
            sql.append(" AND (").append(either.isEmpty() ? "1 = 0" : String.join(" OR ", either)).append(')');
            params.addAll(values);
            return this;
        }
    }
}
