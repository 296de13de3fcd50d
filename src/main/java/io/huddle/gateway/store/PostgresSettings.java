package io.huddle.gateway.store;

import java.util.Objects;

/**
 * Where a PostgreSQL gateway store lives and who it signs in as. The password never appears in
 * {@link #toString()}, so these settings can be logged.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host[:port]/database[?params]}, without credentials
 * @param user     the role to sign in as; null for the driver's default (the operating-system user)
 * @param password null when the server needs none (trust, peer or certificate authentication)
 * @param poolSize the most connections this gateway holds open at once
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int poolSize) {

    /** Enough for the heartbeat's session checks, sign-ins, the floors' writes and a few searches at once. */
    public static final int DEFAULT_POOL_SIZE = 10;

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    public PostgresSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    @Override
    public String toString() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }
}
