package io.huddle.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor log on PostgreSQL. A change locks its tenant's row of {@code floor_log_head} first (inserting it the
 * first time), so one tenant's changes run one at a time across every instance and commit in the order of their
 * numbers: an instance that reads {@code seq > position} never skips an entry that commits later. After the
 * commit, a notifier thread says so with {@code pg_notify} on a connection of its own, outside the transaction, so
 * the notification serializes nothing and the writer does not wait for it; the readers wake on it, and look anyway
 * every {@code awaitWrites} period.
 */
final class PostgresFloorLog implements FloorLog {
    static final String CHANNEL = "huddle_floor_log";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresFloorLog.class);

    private final PostgresConnections connections;
    private final String instance = UUID.randomUUID().toString();
    private final Object listening = new Object();
    /** The tenants changed since the notifier last told the others. */
    private final java.util.Set<String> changed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Sends the notifications; one thread, owned here and stopped by {@link #close()}. */
    private final java.util.concurrent.ExecutorService notifier = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "huddle-floor-log-notify");
                t.setDaemon(true);
                return t;
            });
    private Connection listener;
    private volatile boolean closed;

    PostgresFloorLog(PostgresConnections connections) {
        this.connections = connections;
    }

    @Override
    public <T> Done<T> change(String tenant, long position, Change<T> change) {
        Done<T> done;
        try {
            done = connections.bound(false, c -> {
                long head = Jdbc.queryOne(c, "INSERT INTO floor_log_head (tenant, seq) VALUES (?, 0) "
                                + "ON CONFLICT (tenant) DO UPDATE SET seq = floor_log_head.seq RETURNING seq",
                        ps -> ps.setString(1, tenant), rs -> rs.getLong(1)).orElseThrow();
                if (head > position) {
                    change.catchUp(read(c, tenant, position, Integer.MAX_VALUE));
                }
                FloorLog.Command command = change.command();
                // a user's commands are all of one tenant, whose row this transaction holds: no copy can race
                if (command != null && Jdbc.queryOne(c, "SELECT 1 FROM command_replies WHERE user_id = ? "
                        + "AND command_id = ?", ps -> {
                            ps.setString(1, command.userId());
                            ps.setString(2, command.commandId());
                        }, rs -> 1).isPresent()) {
                    throw new AlreadyApplied(command);
                }
                Recorded<T> recorded = change.run();
                if (recorded.ops() == null) {
                    return new Done<>(recorded.result(), 0);
                }
                long seq = head + 1;
                if (command != null && Jdbc.update(c, "INSERT INTO command_replies (user_id, command_id, seq) "
                        + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
                            ps.setString(1, command.userId());
                            ps.setString(2, command.commandId());
                            ps.setLong(3, seq);
                        }) == 0) {
                    throw new AlreadyApplied(command); // rolls the change back
                }
                // the entry and the head's new number in one statement: one round trip less per change
                Jdbc.update(c, "WITH head AS (UPDATE floor_log_head SET seq = ? WHERE tenant = ?) "
                        + "INSERT INTO floor_log (tenant, seq, instance, ops) VALUES (?, ?, ?, ?)", ps -> {
                            ps.setLong(1, seq);
                            ps.setString(2, tenant);
                            ps.setString(3, tenant);
                            ps.setLong(4, seq);
                            ps.setString(5, instance);
                            ps.setString(6, recorded.ops());
                        });
                return new Done<>(recorded.result(), seq);
            });
        } catch (SQLException e) {
            throw new StoreException("a floor change of tenant " + tenant + " failed: " + e.getMessage(), e);
        }
        if (done.seq() > 0) {
            tell(tenant);
        }
        return done;
    }

    /**
     * Tells the other instances, off the writer's thread: the writer holds its tenant's floor until it returns, so
     * the word goes from {@link #notifier}, which sends one notification for every tenant changed since its last.
     */
    private void tell(String tenant) {
        if (changed.add(tenant)) {
            try {
                notifier.execute(this::tellChanged);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                changed.remove(tenant); // closed: the others look every period anyway
            }
        }
    }

    private void tellChanged() {
        for (String tenant : List.copyOf(changed)) {
            changed.remove(tenant); // a change after this adds it again, and is told again
            try {
                connections.detached(c -> Jdbc.query(c, "SELECT pg_notify(?, ?)", ps -> {
                    ps.setString(1, CHANNEL);
                    ps.setString(2, tenant);
                }, rs -> 1));
            } catch (SQLException e) { // the others still look every period
                LOG.warn("could not tell the other gateways of a change of tenant {}: {}", tenant, e.getMessage());
            }
        }
    }

    private static List<Entry> read(Connection c, String tenant, long position, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT seq, ops FROM floor_log WHERE tenant = ? AND seq > ? ORDER BY seq LIMIT ?",
                ps -> {
                    ps.setString(1, tenant);
                    ps.setLong(2, position);
                    ps.setInt(3, limit);
                }, rs -> new Entry(rs.getLong(1), rs.getString(2)));
    }

    @Override
    public java.util.Optional<CommandRecord> command(Command command) {
        try {
            return connections.read(c -> Jdbc.queryOne(c,
                    "SELECT seq, frame FROM command_replies WHERE user_id = ? AND command_id = ?", ps -> {
                        ps.setString(1, command.userId());
                        ps.setString(2, command.commandId());
                    }, rs -> new CommandRecord(rs.getLong(1), rs.getString(2))));
        } catch (SQLException e) {
            throw new StoreException("reading command " + command.commandId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void answered(Command command, String frame) {
        try {
            connections.write(c -> Jdbc.update(c,
                    "UPDATE command_replies SET frame = ? WHERE user_id = ? AND command_id = ?", ps -> {
                        ps.setString(1, frame);
                        ps.setString(2, command.userId());
                        ps.setString(3, command.commandId());
                    }));
        } catch (SQLException e) {
            throw new StoreException("keeping the answer to command " + command.commandId() + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<Entry> after(String tenant, long position, int limit) {
        try {
            return connections.read(c -> read(c, tenant, position, limit));
        } catch (SQLException e) {
            throw new StoreException("reading the floor log of tenant " + tenant + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> heads() {
        try {
            return connections.read(c -> {
                Map<String, Long> heads = new HashMap<>();
                Jdbc.query(c, "SELECT tenant, seq FROM floor_log_head", ps -> { },
                        rs -> heads.put(rs.getString(1), rs.getLong(2)));
                return heads;
            });
        } catch (SQLException e) {
            throw new StoreException("reading the floor log's heads failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T snapshot(String tenant, LongFunction<T> read) {
        try {
            return connections.bound(true, c -> read.apply(Jdbc.queryOne(c,
                    "SELECT seq FROM floor_log_head WHERE tenant = ?", ps -> ps.setString(1, tenant),
                    rs -> rs.getLong(1)).orElse(0L)));
        } catch (SQLException e) {
            throw new StoreException("reading tenant " + tenant + "'s floor failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T snapshotAll(java.util.function.Function<Map<String, Long>, T> read) {
        try {
            return connections.bound(true, c -> {
                Map<String, Long> heads = new HashMap<>();
                Jdbc.query(c, "SELECT tenant, seq FROM floor_log_head", ps -> { },
                        rs -> heads.put(rs.getString(1), rs.getLong(2)));
                return read.apply(heads);
            });
        } catch (SQLException e) {
            throw new StoreException("reading the floors failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean awaitWrites(Duration max) throws InterruptedException {
        synchronized (listening) {
            try {
                if (listener == null || listener.isClosed()) {
                    if (closed) {
                        return false;
                    }
                    listener = connections.dedicated();
                    try (Statement s = listener.createStatement()) {
                        s.execute("LISTEN " + CHANNEL);
                    }
                }
                PGNotification[] got = listener.unwrap(PGConnection.class)
                        .getNotifications((int) Math.max(1, max.toMillis()));
                return got != null && got.length > 0;
            } catch (SQLException e) {
                if (!closed) {
                    LOG.warn("listening for other gateways' changes failed ({}); looking every {} ms meanwhile",
                            e.getMessage(), max.toMillis());
                }
                closeListener();
                Thread.sleep(max.toMillis());
                return false;
            }
        }
    }

    @Override
    public int purge(Instant before, Instant commandsBefore) {
        try {
            return connections.write(c -> Jdbc.update(c, "DELETE FROM floor_log l WHERE at < ? "
                    + "AND seq < (SELECT h.seq FROM floor_log_head h WHERE h.tenant = l.tenant)",
                    ps -> ps.setTimestamp(1, Timestamp.from(before)))
                    + Jdbc.update(c, "DELETE FROM command_replies WHERE at < ?",
                    ps -> ps.setTimestamp(1, Timestamp.from(commandsBefore)))
                    // the reports of instances that stopped without withdrawing them (killed)
                    + Jdbc.update(c, "DELETE FROM presence WHERE seen_at < now() - interval '1 hour'", ps -> { }));
        } catch (SQLException e) {
            throw new StoreException("purging the floor log failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void reportPresence(Map<String, String> presenceByUser) {
        try {
            connections.write(c -> Jdbc.inTransaction(c, conn -> {
                Jdbc.update(conn, "DELETE FROM presence WHERE instance = ?", ps -> ps.setString(1, instance));
                if (!presenceByUser.isEmpty()) {
                    try (var ps = conn.prepareStatement(
                            "INSERT INTO presence (user_id, instance, presence) VALUES (?, ?, ?)")) {
                        for (Map.Entry<String, String> e : presenceByUser.entrySet()) {
                            ps.setString(1, e.getKey());
                            ps.setString(2, instance);
                            ps.setString(3, e.getValue());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                return null;
            }));
        } catch (SQLException e) {
            throw new StoreException("reporting who is on shift failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, List<String>> presence(Duration fresh) {
        try {
            return connections.read(c -> {
                Map<String, List<String>> out = new HashMap<>();
                Jdbc.query(c, "SELECT user_id, presence FROM presence WHERE instance <> ? "
                                + "AND seen_at > now() - ? * interval '1 ms'", ps -> {
                            ps.setString(1, instance);
                            ps.setLong(2, fresh.toMillis());
                        }, rs -> out.computeIfAbsent(rs.getString(1),
                                k -> new java.util.ArrayList<>()).add(rs.getString(2)));
                return out;
            });
        } catch (SQLException e) {
            throw new StoreException("reading who is on shift failed: " + e.getMessage(), e);
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException ignored) {
                // closing: nothing more to do with it
            }
            listener = null;
        }
    }

    @Override
    public void close() {
        try {
            reportPresence(Map.of()); // this instance's streams end with it
        } catch (RuntimeException e) {
            LOG.debug("could not withdraw this instance's presence: {}", e.getMessage());
        }
        closed = true;
        notifier.shutdown();
        try {
            if (!notifier.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                notifier.shutdownNow();
            }
        } catch (InterruptedException e) {
            notifier.shutdownNow();
            Thread.currentThread().interrupt();
        }
        synchronized (listening) {
            closeListener();
        }
    }
}
