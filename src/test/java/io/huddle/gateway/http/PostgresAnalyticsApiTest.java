package io.huddle.gateway.http;

import io.huddle.gateway.store.FreshPostgres;
import io.huddle.gateway.store.GatewayDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analytics' hand-computed figures again, added up by PostgreSQL's statements instead of SQLite's. */
class PostgresAnalyticsApiTest extends AnalyticsApiTest {
    @RegisterExtension
    static final FreshPostgres database = new FreshPostgres();

    @Override
    Api open(Path dataDir) {
        return Api.start(dataDir, c -> c.withDatabase(new GatewayDatabase.Postgres(database.settings())));
    }
}
