package io.huddle.gateway.store;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension (register it static): the test class gets its own new database on the tests' PostgreSQL,
 * emptied before each test and dropped after the class, so no test sees another's rows.
 */
public final class FreshPostgres implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private PostgresSettings database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestPostgres.createDatabase();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestPostgres.emptyDatabase(settings());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            TestPostgres.dropDatabase(database);
            database = null;
        }
    }

    /** This test class's database. */
    public PostgresSettings settings() {
        if (database == null) {
            throw new IllegalStateException("no database outside a test class");
        }
        return database;
    }

    /** Opens the gateway store on this test's database; again after a close, on the same rows. */
    public PostgresGatewayStore open() {
        return PostgresGatewayStore.open(settings());
    }
}
