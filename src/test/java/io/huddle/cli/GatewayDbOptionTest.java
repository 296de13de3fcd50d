package io.huddle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.gateway.store.GatewayDatabase;
import io.huddle.gateway.store.PostgresSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** huddle gateway --db: SQLite by default or by path, PostgreSQL by URL, credentials never on the command line. */
class GatewayDbOptionTest {
    @TempDir
    Path dir;

    private GatewayDatabase database(Map<String, String> env, String... args) {
        GatewayCommand command = new GatewayCommand();
        new CommandLine(command).parseArgs(args);
        return command.config(dir, env).database();
    }

    @Test
    void withoutDbTheGatewayKeepsItsSqliteFileInTheDataDirectory() {
        assertThat(database(Map.of())).isEqualTo(new GatewayDatabase.SqliteFile(dir.resolve("gateway.db")));
        assertThat(database(Map.of(), "--db", "/srv/huddle/store.db"))
                .isEqualTo(new GatewayDatabase.SqliteFile(Path.of("/srv/huddle/store.db")));
    }

    @Test
    void aPostgresUrlTakesItsRoleAndPasswordFromTheEnvironment() {
        GatewayDatabase db = database(Map.of("HUDDLE_DB_USER", "huddle", "HUDDLE_DB_PASSWORD", "s3cret"),
                "--db", "postgresql://db.example:5433/huddle?sslmode=verify-full");
        assertThat(db).isEqualTo(new GatewayDatabase.Postgres(new PostgresSettings(
                "jdbc:postgresql://db.example:5433/huddle?sslmode=verify-full", "huddle", "s3cret")));
        assertThat(db.toString()).doesNotContain("s3cret").contains("db.example:5433/huddle", "as huddle");
    }

    @Test
    void thePasswordCanComeFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("db-password"), "from-a-file\n");
        GatewayDatabase db = database(Map.of("HUDDLE_DB_PASSWORD_FILE", file.toString()), "--db",
                "postgresql://localhost/huddle");
        assertThat(((GatewayDatabase.Postgres) db).settings().password()).isEqualTo("from-a-file");
        assertThatThrownBy(() -> database(Map.of("HUDDLE_DB_PASSWORD_FILE", file.toString(),
                "HUDDLE_DB_PASSWORD", "x"), "--db", "postgresql://localhost/huddle"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("set either HUDDLE_DB_PASSWORD or HUDDLE_DB_PASSWORD_FILE, not both");
    }

    @Test
    void aUrlCarryingCredentialsIsRefusedWithoutRepeatingThem() {
        for (String url : new String[] {"postgresql://huddle:s3cret@db/huddle", "postgresql://db/huddle?password=s3cret",
                "postgresql://huddle@db/huddle"}) {
            assertThatThrownBy(() -> database(Map.of(), "--db", url))
                    .isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessage("--db must not carry credentials: set HUDDLE_DB_USER and HUDDLE_DB_PASSWORD or"
                            + " HUDDLE_DB_PASSWORD_FILE instead");
        }
    }

    @Test
    void anOtherSchemeOrAUrlWithoutADatabaseIsRefused() {
        assertThatThrownBy(() -> database(Map.of(), "--db", "mysql://db/huddle"))
                .hasMessage("--db takes a file path or a postgresql://host[:port]/database URL");
        assertThatThrownBy(() -> database(Map.of(), "--db", "postgresql://db"))
                .hasMessage("--db must name a host and a database: postgresql://host[:port]/database");
    }
}
