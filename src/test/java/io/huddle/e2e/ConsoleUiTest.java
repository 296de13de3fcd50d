package io.huddle.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A headless UI test of the console against a real gateway: a fresh fixture for each test, closed after it. */
public abstract class ConsoleUiTest {
    @TempDir
    protected Path dir;
    protected ConsoleFixture fx;
    protected FxRobot robot;

    @BeforeEach
    void startFixture() {
        fx = ConsoleFixture.start(dir);
        robot = fx.robot();
    }

    @AfterEach
    void closeFixture() {
        fx.close();
    }
}
