package io.huddle.gateway.store;

/**
 * The {@link GatewayStore} on PostgreSQL, for gateways that share one database: a bounded pool with the schema
 * migrated by Flyway at open ({@link PostgresConnections}), PostgreSQL's wording ({@link PostgresDialect}). Each
 * write is one statement or one transaction of its own; where two gateways could race for the same row (taking a
 * single sign-on attempt), the statement itself decides the winner. Everything else is
 * {@link JdbcGatewayStore}'s.
 */
public final class PostgresGatewayStore extends JdbcGatewayStore {

    private final PostgresFloorLog floorLog;

    private PostgresGatewayStore(PostgresConnections connections) {
        super(connections, PostgresDialect.INSTANCE);
        this.floorLog = new PostgresFloorLog(connections);
    }

    @Override
    public java.util.Optional<FloorLog> floorLog() {
        return java.util.Optional.of(floorLog);
    }

    @Override
    public void close() {
        floorLog.close();
        super.close();
    }

    /** Connects to the database and migrates its schema; the database and the role must exist. */
    public static PostgresGatewayStore open(PostgresSettings settings) {
        return new PostgresGatewayStore(PostgresConnections.open(settings));
    }
}
