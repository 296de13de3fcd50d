package io.huddle.ui;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit without an {@code Application} subclass, so the composition root can hand
 * the app its objects by constructor, and waits until the app says it is done.
 */
public final class FxLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(FxLauncher.class);

    private FxLauncher() {
    }

    /** A desktop app: builds its first window; calls {@code exit} once everything is shut down. */
    @FunctionalInterface
    public interface FxApp {
        void start(Stage primary, Runnable exit) throws Exception;
    }

    /** Runs the app on the FX thread and blocks the caller until it exits. */
    public static void run(FxApp app) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runnable exit = () -> {
            Platform.exit();
            done.countDown();
        };
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                app.start(new Stage(), exit);
            } catch (Exception | LinkageError e) {
                LOG.error("the window could not be opened", e);
                exit.run();
            }
        });
        done.await();
    }
}
