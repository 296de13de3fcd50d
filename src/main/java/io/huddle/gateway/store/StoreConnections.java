package io.huddle.gateway.store;

import java.sql.SQLException;

/**
 * How a {@link JdbcGatewayStore} has its connections: one of the two things the engines differ in (the other is
 * the wording of some statements, {@link SqlDialect}). A call on a closed store throws {@link SQLException}
 * saying so; {@code work} makes its own transaction when it needs one.
 */
interface StoreConnections extends AutoCloseable {

    /** Runs work that writes. */
    <T> T write(Jdbc.SqlWork<T> work) throws SQLException;

    /**
     * Runs work that writes, committed without waiting for the disk: the database has it (a crash of the gateway
     * loses nothing), the next durable commit makes it durable with everything before it.
     */
    <T> T writeWithoutFlush(Jdbc.SqlWork<T> work) throws SQLException;

    /** Runs work that only reads. */
    <T> T read(Jdbc.SqlWork<T> work) throws SQLException;

    /** The schema version of the database and the latest this build knows. */
    SchemaVersion schemaVersion() throws SQLException;

    /** Closes every connection; later calls throw. Closing twice is harmless. */
    @Override
    void close();
}
