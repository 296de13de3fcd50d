package io.huddle.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit without an {@code Application} subclass, so the composition root can hand
 * the app its objects by constructor, and waits until the app says it is done.
 *
 * <p>The launcher's {@linkplain LauncherSplash splash screen}, if it shows one, closes at the first window's first
 * frame. It logs how long after the process started the first window got its first frame, and again for each
 * scene the app puts in that window later. An app that first shows a {@linkplain #placeholder placeholder}
 * (the demo console's "starting" view) gets two lines: {@code first frame (starting) of '...'} when the
 * window appears and {@code first frame of '...'} when its real content does. With
 * {@code -Dhuddle.exitAfterFirstFrame=true} (or a number of milliseconds to wait first) it then closes
 * that window as a person would, after the first frame of its real content (not of a placeholder), so the
 * app exits by itself: the installers' class-data-sharing training run and the start-up benchmark use it.
 */
public final class FxLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(FxLauncher.class);
    static final String EXIT_AFTER_FIRST_FRAME = "huddle.exitAfterFirstFrame";
    private static final Object PLACEHOLDER = new Object();

    private FxLauncher() {
    }

    /** A desktop app: builds its first window; calls {@code exit} once everything is shut down. */
    @FunctionalInterface
    public interface FxApp {
        void start(Stage primary, Runnable exit) throws Exception;
    }

    /**
     * Runs the app on the FX thread and blocks the caller until it exits.
     *
     * @throws DesktopMissingException when JavaFX cannot start on this desktop (no display, no usable toolkit)
     */
    public static void run(FxApp app) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runnable exit = () -> {
            Platform.exit();
            done.countDown();
        };
        Platform.setImplicitExit(false);
        startup(() -> {
            try {
                Stage primary = new Stage();
                reportFirstFrame(primary);
                app.start(primary, exit);
            } catch (Exception | LinkageError e) {
                LOG.error("the window could not be opened", e);
                exit.run();
            }
        });
        try {
            done.await();
        } finally {
            LauncherSplash.close("the app ended before its window closed it");
        }
    }

    /** Starts the toolkit; what {@link DesktopCheck} did not foresee becomes one line for the person. */
    private static void startup(Runnable first) {
        try {
            Platform.startup(first);
        } catch (IllegalStateException e) {
            throw e; // started twice: a mistake in the caller, not the desktop
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("JavaFX did not start", e);
            throw new DesktopMissingException("Huddle could not open a window: JavaFX did not start ("
                    + e.getMessage() + "). " + DesktopCheck.WHAT_TO_DO, e);
        }
    }

    /**
     * Marks a scene as what a window shows while its app starts (not yet its content): its first frame is
     * logged as the window's first, but {@code -Dhuddle.exitAfterFirstFrame} waits for the scene that
     * replaces it.
     */
    public static void placeholder(Scene scene) {
        scene.getProperties().put(PLACEHOLDER, Boolean.TRUE);
    }

    private static boolean isPlaceholder(Scene scene) {
        return scene.getProperties().containsKey(PLACEHOLDER);
    }

    /** Logs the first pulse that lays out each scene of the primary window once it shows; may then close it. */
    private static void reportFirstFrame(Stage primary) {
        Runnable watch = () -> {
            Scene scene = primary.getScene();
            if (!primary.isShowing() || scene == null || scene.getProperties().containsKey(FxLauncher.class)) {
                return;
            }
            scene.getProperties().put(FxLauncher.class, Boolean.TRUE); // reported (or about to be) once
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                firstFrame(primary, isPlaceholder(scene));
            };
            scene.addPostLayoutPulseListener(once[0]);
        };
        primary.showingProperty().addListener((o, was, is) -> watch.run());
        primary.sceneProperty().addListener((o, was, is) -> watch.run());
    }

    private static void firstFrame(Stage primary, boolean placeholder) {
        Instant now = Instant.now();
        // after this pulse, whose frame the render thread is painting meanwhile: the splash gives way to the window
        Platform.runLater(() -> LauncherSplash.close("the first window is shown"));
        ProcessHandle.Info process = ProcessHandle.current().info();
        Instant started = process.startInstant().orElse(now);
        LOG.info("first frame {}of '{}' {} ms after the process started, {} ms of CPU (at epoch ms {})",
                placeholder ? "(starting) " : "", primary.getTitle(), Duration.between(started, now).toMillis(),
                process.totalCpuDuration().map(Duration::toMillis).orElse(-1L), now.toEpochMilli());
        String exitAfter = System.getProperty(EXIT_AFTER_FIRST_FRAME);
        if (placeholder || exitAfter == null || exitAfter.equals("false")
                || primary.getProperties().putIfAbsent(EXIT_AFTER_FIRST_FRAME, Boolean.TRUE) != null) {
            return;
        }
        long waitMs = exitAfter.equals("true") || exitAfter.isEmpty() ? 0 : Long.parseLong(exitAfter);
        PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(Math.max(1, waitMs)));
        wait.setOnFinished(e -> {
            LOG.info("closing '{}' ({}={})", primary.getTitle(), EXIT_AFTER_FIRST_FRAME, exitAfter);
            // the app's own close handler, as for a click on the window's close button
            if (primary.getOnCloseRequest() != null) {
                primary.getOnCloseRequest().handle(new WindowEvent(primary, WindowEvent.WINDOW_CLOSE_REQUEST));
            } else {
                primary.hide();
            }
        });
        wait.play();
    }
}
