package io.huddle.gateway.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSaveAllTest extends SaveAllContract {
    @RegisterExtension
    static final FreshPostgres database = new FreshPostgres();

    @Override
    GatewayStore openStore() {
        return database.open();
    }
}
