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
        api = Api.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }
}
