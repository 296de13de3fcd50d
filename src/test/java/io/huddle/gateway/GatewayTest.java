package io.huddle.gateway;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test against a real gateway: a fresh one in its own directory for each test, closed after it. */
public abstract class GatewayTest {
    @TempDir
    protected Path dir;
    protected TestGateway gw;

    @BeforeEach
    void startGateway() {
        gw = TestGateway.start(dir);
    }

    @AfterEach
    void closeGateway() {
        gw.close();
    }
}
