package io.huddle.gateway.http;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A REST API test: a fresh gateway in its own directory for each test, closed after it. */
abstract class ApiTest {
    @TempDir
    Path dir;
    Api api;

    @BeforeEach
    void start() {
        api = open(dir);
    }

    /** The gateway of each test; a subclass can run the same tests on another database. */
    Api open(Path dataDir) {
        return Api.start(dataDir);
    }

    @AfterEach
    void stop() {
        api.close();
    }
}
