package io.huddle.gateway.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the gateway keeps what it must not lose: a SQLite file (the embedded default) or a PostgreSQL database. */
public sealed interface GatewayDatabase permits GatewayDatabase.SqliteFile, GatewayDatabase.Postgres {

    /**
     * Opens the store, creating or migrating its schema; a failure to open it is a {@link StoreOpenException}, any
     * other a {@link StoreException}.
     */
    GatewayStore open();

    /** The gateway's SQLite file, created with its directories when missing. */
    record SqliteFile(Path file) implements GatewayDatabase {
        public SqliteFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public GatewayStore open() {
            return SqliteGatewayStore.open(file);
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    /** A PostgreSQL database that exists already, shared by the gateways that name it. */
    record Postgres(PostgresSettings settings) implements GatewayDatabase {
        public Postgres {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public GatewayStore open() {
            return PostgresGatewayStore.open(settings);
        }

        @Override
        public String toString() {
            return settings.toString();
        }
    }
}
