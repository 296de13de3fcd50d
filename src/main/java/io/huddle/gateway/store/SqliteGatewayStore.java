package io.huddle.gateway.store;

import java.nio.file.Path;

/**
 * The embedded {@link GatewayStore}: one SQLite file ({@link SqliteConnections}: WAL, one writer, a pool of
 * readers), SQLite's wording ({@link SqliteDialect}). Everything else is {@link JdbcGatewayStore}'s.
 */
public final class SqliteGatewayStore extends JdbcGatewayStore {

    private final Path file;

    private SqliteGatewayStore(SqliteConnections connections) {
        super(connections, SqliteDialect.INSTANCE);
        this.file = connections.file();
    }

    /** Opens (creating if needed, with its parent directories) the database file and migrates its schema. */
    public static SqliteGatewayStore open(Path file) {
        return new SqliteGatewayStore(SqliteConnections.open(file));
    }

    /** The database file this store was opened on. */
    public Path file() {
        return file;
    }
}
