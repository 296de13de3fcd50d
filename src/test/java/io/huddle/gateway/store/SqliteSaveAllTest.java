package io.huddle.gateway.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSaveAllTest extends SaveAllContract {
    @TempDir
    Path dir;

    @Override
    GatewayStore openStore() {
        return SqliteGatewayStore.open(dir.resolve("gateway.db"));
    }
}
