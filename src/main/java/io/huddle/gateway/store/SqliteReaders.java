package io.huddle.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's read-only connections: a small fixed pool (HikariCP). In WAL mode each read sees the last
 * commit before it started and never waits for the writer, however long the writer's transaction or fsync
 * takes; the pool bounds how many reads run at once (a read beyond that waits for a free connection).
 */
final class SqliteReaders implements AutoCloseable {
    /** Enough for the heartbeat's session checks, sign-ins and a few audit searches or exports at once. */
    static final int SIZE = 4;

    private final HikariDataSource pool;

    private SqliteReaders(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens {@code size} read-only connections to a database that the writer has already created. */
    static SqliteReaders open(Path file, int size) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setReadOnly(true);
        sqlite.setBusyTimeout(5_000);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + file);
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("gateway-store-readers");
        config.setReadOnly(true);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(30_000);
        return new SqliteReaders(new HikariDataSource(config));
    }

    /** Runs {@code work} on a pooled read-only connection, returned to the pool afterwards. */
    <T> T read(Jdbc.SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    /** Closes every connection; a read after this throws {@link SQLException}. Closing twice is harmless. */
    @Override
    public void close() {
        pool.close();
    }
}
