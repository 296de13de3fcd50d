package io.huddle.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit without an {@code Application} subclass, so the composition root can hand
 * the app its objects by constructor, and waits until the app says it is done.
 *
 * <p>It logs how long after the process started the first window got its first frame. With
 * {@code -Dhuddle.exitAfterFirstFrame=true} (or a number of milliseconds to wait first) it then closes
 * that window as a person would, so the app exits by itself: the installers' class-data-sharing training
 * run and the start-up benchmark use it.
 */
public final class FxLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(FxLauncher.class);
    static final String EXIT_AFTER_FIRST_FRAME = "huddle.exitAfterFirstFrame";

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
                Stage primary = new Stage();
                reportFirstFrame(primary);
                app.start(primary, exit);
            } catch (Exception | LinkageError e) {
                LOG.error("the window could not be opened", e);
                exit.run();
            }
        });
        done.await();
    }

    /** Logs the first pulse that lays out the primary window once it shows; may then close it. */
    private static void reportFirstFrame(Stage primary) {
        primary.showingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (!is || primary.getScene() == null) {
                    return;
                }
                primary.showingProperty().removeListener(this);
                Scene scene = primary.getScene();
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    firstFrame(primary);
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    private static void firstFrame(Stage primary) {
        Instant now = Instant.now();
        ProcessHandle.Info process = ProcessHandle.current().info();
        Instant started = process.startInstant().orElse(now);
        LOG.info("first frame of '{}' {} ms after the process started, {} ms of CPU (at epoch ms {})",
                primary.getTitle(), Duration.between(started, now).toMillis(),
                process.totalCpuDuration().map(Duration::toMillis).orElse(-1L), now.toEpochMilli());
        String exitAfter = System.getProperty(EXIT_AFTER_FIRST_FRAME);
        if (exitAfter == null || exitAfter.equals("false")) {
            return;
        }
        long waitMs = exitAfter.equals("true") || exitAfter.isEmpty() ? 0 : Long.parseLong(exitAfter);
        PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(Math.max(1, waitMs)));
        wait.setOnFinished(e -> {
            LOG.info("closing '{}' ({}={})", primary.getTitle(), EXIT_AFTER_FIRST_FRAME, exitAfter);
            // the app's own close handler, as for a click on the window's close button (it exits the toolkit,
            // so the window is not hidden afterwards)
            if (primary.getOnCloseRequest() != null) {
                primary.getOnCloseRequest().handle(new WindowEvent(primary, WindowEvent.WINDOW_CLOSE_REQUEST));
            } else {
                primary.hide();
            }
        });
        wait.play();
    }
}
