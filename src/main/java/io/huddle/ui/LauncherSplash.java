package io.huddle.ui;

import java.awt.GraphicsEnvironment;
import java.awt.SplashScreen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The splash screen the JVM's launcher shows before any Java runs ({@code java -splash:FILE}; the README's run
 * command and the installed desktop launchers give one): a window well within a second of the launch, while the
 * JVM, JavaFX and the app start. AWT closes it by itself only when an AWT window shows, never for a
 * JavaFX one, so the app closes it once its own first window has its first frame, and when it exits without one.
 */
public final class LauncherSplash {
    private static final Logger LOG = LoggerFactory.getLogger(LauncherSplash.class);

    private LauncherSplash() {
    }

    /**
     * Closes the launcher's splash screen if this JVM shows one; nothing otherwise (no {@code -splash}, no
     * display, or closed already). Safe from any thread; never throws.
     */
    public static void close(String why) {
        try {
            if (GraphicsEnvironment.isHeadless()) {
                return; // no display, or headless by choice: no splash, and asking for it would throw
            }
            SplashScreen splash = SplashScreen.getSplashScreen();
            if (splash != null && splash.isVisible()) {
                splash.close();
                LOG.info("the launcher's splash screen closed ({})", why);
            }
        } catch (RuntimeException | LinkageError e) {
            // a splash that cannot be reached cannot be closed either; it goes with the process
            LOG.debug("the launcher's splash screen could not be closed", e);
        }
    }
}
