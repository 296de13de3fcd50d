package io.huddle.gateway.store;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link GatewayStore#saveAll}: several upserts in one transaction, rolled back whole on any failure. */
final class ActivityBatch {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityBatch.class);

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
     * Upserts every item with one prepared statement, sent as one JDBC batch (one round trip to a server database
     * instead of one per item: a platform batch of hundreds of state changes paid for each in B8). Any failure,
     * including a null item, becomes an {@link SQLException} naming the item, so the transaction rolls back and the
     * caller gets a StoreException. Drivers do not say reliably which item of a batch failed, so a failed batch is
     * undone to a savepoint and sent again item by item, to name it (or, when every item then goes in, to keep them).
     */
    private static <T> void saveEach(Connection c, String sql, List<T> items, String what, Function<T, String> id,
                                     ItemBinder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                bind(ps, item, what, id, binder);
                ps.addBatch();
            }
            Savepoint before = c.setSavepoint();
            try {
                ps.executeBatch();
                c.releaseSavepoint(before);
            } catch (SQLException batchFailed) {
                try {
                    c.rollback(before);
                } catch (SQLException undo) {
                    batchFailed.addSuppressed(undo);
                    throw batchFailed;
                }
                ps.clearBatch();
                for (T item : items) {
                    bind(ps, item, what, id, binder);
                    try {
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        throw new SQLException(what + " '" + id.apply(item) + "': " + e.getMessage(), e.getSQLState(),
                                e.getErrorCode(), e);
                    }
                }
                // every row went in on its own (a conflict that did not come back, a driver's batch quirk): the
                // rows are written; the batch's message may hold the rows' values, so only its state is logged
                LOG.warn("a batch of {} {}(s) failed (SQL state {}) and then went in row by row", items.size(), what,
                        batchFailed.getSQLState());
            }
        }
    }

    private static <T> void bind(PreparedStatement ps, T item, String what, Function<T, String> id,
                                 ItemBinder<T> binder) throws SQLException {
        if (item == null) {
            throw new SQLException("a " + what + " in the batch is null");
        }
        try {
            binder.bind(ps, item);
        } catch (SQLException e) {
            throw new SQLException(what + " '" + id.apply(item) + "': " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), e);
        } catch (RuntimeException e) {
            throw new SQLException(what + " '" + id.apply(item) + "': " + e, e);
        }
    }
}
