package io.huddle.gateway.store;

import static io.huddle.gateway.store.Jdbc.getBoolean;
import static io.huddle.gateway.store.Jdbc.getEnum;
import static io.huddle.gateway.store.Jdbc.getInstant;
import static io.huddle.gateway.store.Jdbc.setBoolean;
import static io.huddle.gateway.store.Jdbc.setEnum;
import static io.huddle.gateway.store.Jdbc.setInstant;
import static io.huddle.gateway.store.Jdbc.setText;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.SupervisorAction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQL and row mapping for interactions, help requests and supervisor actions. Saves are upserts by id. */
final class ActivityRows {

    static final String INTERACTION_COLUMNS = "id, tenant, domain, channel, agent_id, agent_name, customer_name,"
            + " queue, started_at, state, help_requested, participants, ended_at, platform_id";

    static final String UPSERT_INTERACTION = "INSERT INTO interactions (" + INTERACTION_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflictReplace(INTERACTION_COLUMNS);

    static final String FIND_INTERACTION = "SELECT " + INTERACTION_COLUMNS + " FROM interactions WHERE id = ?";
    static final String FIND_INTERACTION_BY_PLATFORM_ID = "SELECT " + INTERACTION_COLUMNS
            + " FROM interactions WHERE tenant = ? AND platform_id = ?";

    /** Uses the partial index interactions_live: the WHERE clause must stay exactly this. */
    static final String LIVE_INTERACTIONS = "SELECT " + INTERACTION_COLUMNS
            + " FROM interactions WHERE state <> 'ENDED' ORDER BY started_at, id";

    static final String LIVE_INTERACTIONS_OF = "SELECT " + INTERACTION_COLUMNS
            + " FROM interactions WHERE tenant = ? AND state <> 'ENDED' ORDER BY started_at, id";

    static final String HELP_REQUEST_COLUMNS = "id, tenant, domain, interaction_id, agent_id, agent_name, status,"
            + " reason, comment, assigned_to, help_provided_by, help_provided_by_name, created_at, accepted_at,"
            + " closed_at, cancelled_at, end_reason, escalations";

    static final String UPSERT_HELP_REQUEST = "INSERT INTO help_requests (" + HELP_REQUEST_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflictReplace(HELP_REQUEST_COLUMNS);

    static final String FIND_HELP_REQUEST = "SELECT " + HELP_REQUEST_COLUMNS + " FROM help_requests WHERE id = ?";

    /** Uses the partial index help_requests_open: the WHERE clause must stay exactly this. */
    static final String OPEN_HELP_REQUESTS = "SELECT " + HELP_REQUEST_COLUMNS
            + " FROM help_requests WHERE status IN ('PENDING', 'IN_PROGRESS') ORDER BY created_at, id";

    static final String OPEN_HELP_REQUESTS_OF = "SELECT " + HELP_REQUEST_COLUMNS
            + " FROM help_requests WHERE tenant = ? AND status IN ('PENDING', 'IN_PROGRESS')"
            + " ORDER BY created_at, id";

    static final String ACTION_COLUMNS = "id, tenant, domain, action, supervisor_id, agent_id, interaction_id,"
            + " help_request_id, started_at, ended_at";

    static final String UPSERT_ACTION = "INSERT INTO actions (" + ACTION_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflictReplace(ACTION_COLUMNS);

    private ActivityRows() {
    }

    /** {@code ON CONFLICT (id) DO UPDATE} setting every other column: the whole row is replaced in place. */
    private static String onConflictReplace(String columns) {
        StringBuilder sql = new StringBuilder(" ON CONFLICT (id) DO UPDATE SET ");
        String separator = "";
        for (String column : columns.split(",")) {
            String name = column.trim();
            if (!name.equals("id")) {
                sql.append(separator).append(name).append(" = excluded.").append(name);
                separator = ", ";
            }
        }
        return sql.toString();
    }

    static void bindInteraction(PreparedStatement ps, Interaction i) throws SQLException {
        setText(ps, 1, i.id());
        setText(ps, 2, i.tenant());
        setText(ps, 3, i.domain());
        setEnum(ps, 4, i.channel());
        setText(ps, 5, i.agentId());
        setText(ps, 6, i.agentName());
        setText(ps, 7, i.customerName());
        setText(ps, 8, i.queue());
        setInstant(ps, 9, i.startedAt());
        setEnum(ps, 10, i.state());
        setBoolean(ps, 11, i.helpRequested());
        setText(ps, 12, StoredJson.participants(i.participants()));
        setInstant(ps, 13, i.endedAt());
        setText(ps, 14, i.platformId());
    }

    static Interaction interaction(ResultSet rs) throws SQLException {
        return new Interaction(rs.getString("id"), rs.getString("tenant"), rs.getString("domain"),
                getEnum(rs, "channel", Channel.class), rs.getString("agent_id"), rs.getString("agent_name"),
                rs.getString("customer_name"), rs.getString("queue"), getInstant(rs, "started_at"),
                getEnum(rs, "state", InteractionState.class), getBoolean(rs, "help_requested"),
                StoredJson.participants(rs.getString("participants"), "interactions.participants"),
                getInstant(rs, "ended_at"), rs.getString("platform_id"));
    }

    static void bindHelpRequest(PreparedStatement ps, HelpRequest r) throws SQLException {
        setText(ps, 1, r.id());
        setText(ps, 2, r.tenant());
        setText(ps, 3, r.domain());
        setText(ps, 4, r.interactionId());
        setText(ps, 5, r.agentId());
        setText(ps, 6, r.agentName());
        setEnum(ps, 7, r.status());
        setText(ps, 8, r.reason());
        setText(ps, 9, r.comment());
        setText(ps, 10, StoredJson.strings(r.assignedTo()));
        setText(ps, 11, r.helpProvidedBy());
        setText(ps, 12, r.helpProvidedByName());
        setInstant(ps, 13, r.createdAt());
        setInstant(ps, 14, r.acceptedAt());
        setInstant(ps, 15, r.closedAt());
        setInstant(ps, 16, r.cancelledAt());
        setEnum(ps, 17, r.endReason());
        setText(ps, 18, StoredJson.escalations(r.escalations()));
    }

    static HelpRequest helpRequest(ResultSet rs) throws SQLException {
        return new HelpRequest(rs.getString("id"), rs.getString("tenant"), rs.getString("domain"),
                rs.getString("interaction_id"), rs.getString("agent_id"), rs.getString("agent_name"),
                getEnum(rs, "status", HelpRequestStatus.class), rs.getString("reason"), rs.getString("comment"),
                StoredJson.strings(rs.getString("assigned_to"), "help_requests.assigned_to"),
                rs.getString("help_provided_by"), rs.getString("help_provided_by_name"),
                getInstant(rs, "created_at"), getInstant(rs, "accepted_at"), getInstant(rs, "closed_at"),
                getInstant(rs, "cancelled_at"), getEnum(rs, "end_reason", HelpRequest.EndReason.class),
                StoredJson.escalations(rs.getString("escalations"), "help_requests.escalations"));
    }

    static void bindAction(PreparedStatement ps, SupervisorAction a) throws SQLException {
        setText(ps, 1, a.id());
        setText(ps, 2, a.tenant());
        setText(ps, 3, a.domain());
        setEnum(ps, 4, a.action());
        setText(ps, 5, a.supervisorId());
        setText(ps, 6, a.agentId());
        setText(ps, 7, a.interactionId());
        setText(ps, 8, a.helpRequestId());
        setInstant(ps, 9, a.startedAt());
        setInstant(ps, 10, a.endedAt());
    }

    static SupervisorAction action(ResultSet rs) throws SQLException {
        return new SupervisorAction(rs.getString("id"), rs.getString("tenant"), rs.getString("domain"),
                getEnum(rs, "action", ActionType.class), rs.getString("supervisor_id"), rs.getString("agent_id"),
                rs.getString("interaction_id"), rs.getString("help_request_id"), getInstant(rs, "started_at"),
                getInstant(rs, "ended_at"));
    }
}
