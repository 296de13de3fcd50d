package io.huddle.gateway.store;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** {@link GatewayStore#saveAll}: several upserts in one transaction, rolled back whole on any failure. */
final class ActivityBatch {

    private ActivityBatch() {
    }

    @FunctionalInterface
    private interface ItemBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    static Void saveAll(Connection c, List<HelpRequest> requests, List<SupervisorAction> actions,
                        List<Interaction> interactions) throws SQLException {
        return Jdbc.inTransaction(c, conn -> {
            saveChanges(conn, requests, actions, interactions);
            return null;
        });
    }

    /** {@link GatewayStore#savePlatformEvents}: the changes and the events' ids, in one transaction. */
    static Void savePlatformEvents(Connection c, String tenant, List<String> eventIds, java.time.Instant receivedAt,
                                   List<HelpRequest> requests, List<SupervisorAction> actions,
                                   List<Interaction> interactions) throws SQLException {
        return Jdbc.inTransaction(c, conn -> {
            PlatformRows.markSeen(conn, tenant, eventIds, receivedAt);
            saveChanges(conn, requests, actions, interactions);
            return null;
        });
    }

    private static void saveChanges(Connection conn, List<HelpRequest> requests, List<SupervisorAction> actions,
                                    List<Interaction> interactions) throws SQLException {
        saveEach(conn, ActivityRows.UPSERT_HELP_REQUEST, requests, "help request", HelpRequest::id,
                ActivityRows::bindHelpRequest);
        saveEach(conn, ActivityRows.UPSERT_ACTION, actions, "supervisor action", SupervisorAction::id,
                ActivityRows::bindAction);
        saveEach(conn, ActivityRows.UPSERT_INTERACTION, interactions, "interaction", Interaction::id,
                ActivityRows::bindInteraction);
    }

    /**
     * Upserts every item with one prepared statement. Any failure, including a null item, becomes an
     * {@link SQLException} naming the item, so the transaction rolls back and the caller gets a StoreException.
     */
    private static <T> void saveEach(Connection c, String sql, List<T> items, String what, Function<T, String> id,
                                     ItemBinder<T> binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                if (item == null) {
                    throw new SQLException("a " + what + " in the batch is null");
                }
                try {
                    binder.bind(ps, item);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw new SQLException(what + " '" + id.apply(item) + "': " + e.getMessage(), e.getSQLState(),
                            e.getErrorCode(), e);
                } catch (RuntimeException e) {
                    throw new SQLException(what + " '" + id.apply(item) + "': " + e, e);
                }
            }
        }
    }
}
