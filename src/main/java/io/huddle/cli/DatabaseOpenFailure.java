package io.huddle.cli;

import io.huddle.gateway.store.GatewayDatabase;
import io.huddle.gateway.store.PostgresSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Predicate;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one line {@code huddle gateway} prints when its database cannot be opened: which database, what failed in
 * a few words, and what to check. Never the password, never a stack trace (the gateway logs that at DEBUG).
 */
final class DatabaseOpenFailure {
    private static final String CREDENTIALS = DatabaseOption.USER + " and " + DatabaseOption.PASSWORD + " or "
            + DatabaseOption.PASSWORD_FILE;
    private static final String DETAILS = " (HUDDLE_LOG_LEVEL=debug logs the details)";

    private DatabaseOpenFailure() {
    }

    /** "cannot open the PostgreSQL database at db:5432/huddle: connection refused. Check that ….", one line. */
    static String describe(GatewayDatabase database, Throwable failure) {
        if (database instanceof GatewayDatabase.Postgres p) {
            return masked(postgres(p.settings(), failure), p.settings().password()) + ".";
        }
        return sqlite((GatewayDatabase.SqliteFile) database, failure) + ".";
    }

    private static String postgres(PostgresSettings settings, Throwable failure) {
        String head = "cannot open the PostgreSQL database at " + location(settings.jdbcUrl()) + ": ";
        String role = settings.user() == null ? "the default role (" + DatabaseOption.USER + " is not set)"
                : "role " + settings.user();
        SQLException sql = find(failure, SQLException.class, e -> e.getSQLState() != null);
        String state = sql == null ? "" : sql.getSQLState();
        if (find(failure, UnknownHostException.class, e -> true) != null) {
            return head + "the host is not known. Check the host name in --db";
        }
        if (find(failure, ConnectException.class, e -> true) != null) {
            return head + "connection refused. Check that the server runs and accepts TCP/IP connections at that"
                    + " host and port";
        }
        if (find(failure, SocketTimeoutException.class, e -> true) != null
                || find(failure, NoRouteToHostException.class, e -> true) != null) {
            return head + "the server does not answer. Check the host, the port and any firewall between";
        }
        if (state.equals("28P01")) {
            return head + "the server refused the password of " + role + ". Check " + CREDENTIALS;
        }
        if (state.equals("08004") && settings.password() == null) {
            return head + "the server asks for a password and none is set. Set " + DatabaseOption.PASSWORD + " or "
                    + DatabaseOption.PASSWORD_FILE;
        }
        if (state.startsWith("28") || state.equals("08004")) {
            return head + "the server refused to let " + role + " in. Check " + CREDENTIALS + ", and that the"
                    + " server's pg_hba.conf lets this role connect from here";
        }
        if (state.equals("3D000")) {
            return head + "the database does not exist. Create it (the gateway creates its tables, not the"
                    + " database) or correct its name in --db";
        }
        if (state.startsWith("08")) {
            return head + "the connection failed (" + firstLine(sql.getMessage()) + "). Check that the server runs"
                    + " at that host and port";
        }
        return head + firstLine(deepest(failure).getMessage()) + ". Check that the server runs, that the database"
                + " exists, and " + CREDENTIALS + DETAILS;
    }

    private static String sqlite(GatewayDatabase.SqliteFile file, Throwable failure) {
        String head = "cannot open the SQLite database " + file.file().toAbsolutePath().normalize() + ": ";
        SQLiteException sqlite = find(failure, SQLiteException.class, e -> true);
        SQLiteErrorCode code = sqlite == null ? null : sqlite.getResultCode();
        IOException io = find(failure, IOException.class, e -> true);
        if (sqlite == null && io != null) {
            String why = io instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : io instanceof AccessDeniedException ? "permission denied"
                    : firstLine(io.getMessage());
            return head + "its directory cannot be created (" + why.toLowerCase(Locale.ROOT) + "). Check the path"
                    + " in --db or --data, and that this user may write there";
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN) {
            return head + "the file cannot be opened. Check that the path in --db or --data names a file (or a place"
                    + " for one) that this user may read and write";
        }
        if (code == SQLiteErrorCode.SQLITE_NOTADB) {
            return head + "the file is not a SQLite database. Check the path in --db or --data";
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_PERM
                || code == SQLiteErrorCode.SQLITE_AUTH) {
            return head + "the file cannot be written. Check that this user may write the file and its directory";
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
            return head + "another process holds it locked. Check that no other gateway uses this file";
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT) {
            return head + "the file is damaged. Restore it from a backup";
        }
        return head + firstLine(deepest(failure).getMessage()) + ". Check the path in --db or --data" + DETAILS;
    }

    /** "db.example:5432/huddle" from jdbc:postgresql://db.example/huddle?sslmode=…: no parameters, the port always. */
    static String location(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        boolean hasPort = authority.startsWith("[") ? authority.contains("]:") : authority.contains(":");
        return authority + (hasPort || authority.contains(",") ? "" : ":5432") + path;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type,
                                                Predicate<T> wanted) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) && wanted.test(type.cast(t))) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable deepest(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The first line of a driver's message, without its trailing full stop (the line goes on after it). */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown failure";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** The password, should a driver ever repeat it, is not printed. */
    private static String masked(String line, String password) {
        return password == null || password.isEmpty() ? line : line.replace(password, "***");
    }
}
