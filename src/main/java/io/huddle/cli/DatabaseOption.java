package io.huddle.cli;

import io.huddle.gateway.store.GatewayDatabase;
import io.huddle.gateway.store.PostgresSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's {@code --db}: a SQLite file path (default: {@code gateway.db} in the data directory) or a
 * {@code postgresql://host[:port]/database[?params]} URL. The database's role and password never come from the
 * command line: {@value #USER}, and {@value #PASSWORD} or {@value #PASSWORD_FILE} (a file holding the password).
 * A URL that carries credentials is refused, and the refusal never repeats the URL.
 */
final class DatabaseOption {
    static final String USER = "HUDDLE_DB_USER";
    static final String PASSWORD = "HUDDLE_DB_PASSWORD";
    static final String PASSWORD_FILE = "HUDDLE_DB_PASSWORD_FILE";
    private static final String SCHEME = "postgresql://";

    private DatabaseOption() {
    }

    /** The database {@code db} names; its credentials from {@code env}. Invalid input is an IllegalArgumentException. */
    static GatewayDatabase parse(String db, Path dataDir, Map<String, String> env) {
        if (db == null || db.isBlank()) {
            return new GatewayDatabase.SqliteFile(dataDir.resolve("gateway.db"));
        }
        String lower = db.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SCHEME) || lower.startsWith("postgres://")) {
            return new GatewayDatabase.Postgres(postgres(db, env));
        }
        if (lower.startsWith("jdbc:") || lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("--db takes a file path or a postgresql://host[:port]/database URL");
        }
        return new GatewayDatabase.SqliteFile(Path.of(db));
    }

    private static PostgresSettings postgres(String db, Map<String, String> env) {
        URI uri;
        try {
            uri = new URI(db);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--db is not a valid postgresql://host[:port]/database URL");
        }
        if (uri.getRawUserInfo() != null || hasParameter(uri, "password") || hasParameter(uri, "user")) {
            throw new IllegalArgumentException("--db must not carry credentials: set " + USER + " and " + PASSWORD
                    + " or " + PASSWORD_FILE + " instead");
        }
        String path = uri.getRawPath();
        if (uri.getHost() == null || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("--db must name a host and a database: postgresql://host[:port]/database");
        }
        String jdbcUrl = "jdbc:postgresql://" + uri.getRawAuthority() + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new PostgresSettings(jdbcUrl, blankToNull(env.get(USER)), password(env));
    }

    private static String password(Map<String, String> env) {
        String inline = blankToNull(env.get(PASSWORD));
        String file = blankToNull(env.get(PASSWORD_FILE));
        if (inline != null && file != null) {
            throw new IllegalArgumentException("set either " + PASSWORD + " or " + PASSWORD_FILE + ", not both");
        }
        if (file == null) {
            return inline;
        }
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            String password = content.strip();
            if (password.isEmpty()) {
                throw new IllegalArgumentException(PASSWORD_FILE + " names an empty file: " + file);
            }
            return password;
        } catch (IOException e) {
            throw new IllegalArgumentException(PASSWORD_FILE + " names a file that cannot be read: " + file);
        }
    }

    private static boolean hasParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith(name + "=") || pair.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
