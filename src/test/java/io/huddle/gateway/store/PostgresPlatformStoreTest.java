package io.huddle.gateway.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresPlatformStoreTest extends PlatformStoreContract {
    @RegisterExtension
    static final FreshPostgres database = new FreshPostgres();

    @Override
    GatewayStore openStore() {
        return database.open();
    }
}
