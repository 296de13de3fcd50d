package io.huddle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.gateway.store.GatewayDatabase;
import io.huddle.gateway.store.PostgresSettings;
import io.huddle.gateway.store.StoreOpenException;
import io.huddle.gateway.store.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * huddle gateway on a database it cannot open: one line on standard error that says which database, what failed
 * and what to check, exit status 2 like any other configuration error, no stack trace and never the password.
 */
class GatewayDatabaseUnavailableTest {
    private static final String PASSWORD = "pw-that-must-not-show";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Run gateway(Map<String, String> env, String db) {
        GatewayCommand command = new GatewayCommand();
        command.env = env;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setDefaultValueProvider(new OptionDefaults(Map.of()))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--data", dir.toString(), "--port", "0", "--no-management", "--db", db);
        return new Run(exit, out.toString(), err.toString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void assertOneLineNoTrace(Run run) {
        assertThat(run.exit()).as(run.err()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ", "Exception", PASSWORD);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPostgresServerThatIsNotThereIsOneLineThatSaysSoAndExit2() throws IOException {
        int port = closedPort();
        Run run = gateway(Map.of("HUDDLE_DB_USER", "huddle", "HUDDLE_DB_PASSWORD", PASSWORD),
                "postgresql://127.0.0.1:" + port + "/huddle");

        assertOneLineNoTrace(run);
        assertThat(run.errLines().get(0)).isEqualTo("huddle gateway: cannot open the PostgreSQL database at"
                + " 127.0.0.1:" + port + "/huddle: connection refused. Check that the server runs and accepts TCP/IP"
                + " connections at that host and port.");
    }

    @Test
    void aMissingPostgresDatabaseOrAnUnknownRoleSaysWhichAndWhatToCheck() {
        String url = TestPostgres.url(TestPostgres.createEmptyDatabase());
        String server = url.substring(0, url.lastIndexOf('/'));
        String at = server.substring("postgresql://".length());

        Run missing = gateway(Map.of("HUDDLE_DB_USER", "postgres", "HUDDLE_DB_PASSWORD", PASSWORD),
                server + "/huddle_not_created");
        assertOneLineNoTrace(missing);
        assertThat(missing.errLines().get(0)).isEqualTo("huddle gateway: cannot open the PostgreSQL database at "
                + at + "/huddle_not_created: the database does not exist. Create it (the gateway creates its tables,"
                + " not the database) or correct its name in --db.");

        Run stranger = gateway(Map.of("HUDDLE_DB_USER", "nobody_here", "HUDDLE_DB_PASSWORD", PASSWORD), url);
        assertOneLineNoTrace(stranger);
        assertThat(stranger.errLines().get(0)).startsWith("huddle gateway: cannot open the PostgreSQL database at "
                + at + "/").contains(": the server refused to let role nobody_here in. Check HUDDLE_DB_USER and"
                + " HUDDLE_DB_PASSWORD or HUDDLE_DB_PASSWORD_FILE");
    }

    @Test
    void aSqliteFileThatIsNotADatabaseOrCannotBeOpenedIsOneLineToo() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.db"), "not a database, only text ".repeat(200).getBytes());
        Run notADatabase = gateway(Map.of(), garbage.toString());
        assertOneLineNoTrace(notADatabase);
        assertThat(notADatabase.errLines().get(0)).isEqualTo("huddle gateway: cannot open the SQLite database "
                + garbage.toAbsolutePath().normalize() + ": the file is not a SQLite database. Check the path in --db"
                + " or --data.");

        Path directory = Files.createDirectories(dir.resolve("a-directory.db"));
        Run cannotOpen = gateway(Map.of(), directory.toString());
        assertOneLineNoTrace(cannotOpen);
        assertThat(cannotOpen.errLines().get(0)).startsWith("huddle gateway: cannot open the SQLite database "
                + directory.toAbsolutePath().normalize() + ": the file cannot be opened. Check");

        Path underAFile = Files.writeString(dir.resolve("a-file"), "x").resolve("sub").resolve("gateway.db");
        Run noDirectory = gateway(Map.of(), underAFile.toString());
        assertOneLineNoTrace(noDirectory);
        assertThat(noDirectory.errLines().get(0)).startsWith("huddle gateway: cannot open the SQLite database "
                + underAFile.toAbsolutePath().normalize() + ": its directory cannot be created (not a directory).");
    }

    @Test
    void aRefusedPasswordNamesTheRoleAndTheSettingsAndADriverRepeatingThePasswordDoesNotShowIt() {
        GatewayDatabase db = new GatewayDatabase.Postgres(new PostgresSettings(
                "jdbc:postgresql://db.example/huddle?sslmode=require", "huddle", PASSWORD));
        String refused = DatabaseOpenFailure.describe(db, new StoreOpenException("open failed", new SQLException(
                "FATAL: password authentication failed for user \"huddle\"", "28P01")));
        assertThat(refused).isEqualTo("cannot open the PostgreSQL database at db.example:5432/huddle: the server"
                + " refused the password of role huddle. Check HUDDLE_DB_USER and HUDDLE_DB_PASSWORD or"
                + " HUDDLE_DB_PASSWORD_FILE.");

        String other = DatabaseOpenFailure.describe(db, new StoreOpenException("open failed", new SQLException(
                "odd failure near '" + PASSWORD + "'\nsecond line", "XX000")));
        assertThat(other).startsWith("cannot open the PostgreSQL database at db.example:5432/huddle: odd failure"
                + " near '***'. Check").doesNotContain(PASSWORD, "second line");
    }
}
