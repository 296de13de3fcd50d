package io.huddle.ui;

import java.awt.GraphicsEnvironment;
import java.awt.Taskbar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DesktopAttention} through {@link java.awt.Taskbar}, for what the platform supports of it (the
 * dock on macOS, the taskbar on Windows; most Linux desktops support neither, and the title's count serves).
 */
public final class AwtTaskbarAttention implements DesktopAttention {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTaskbarAttention.class);
    private final Taskbar taskbar;
    private final boolean attention;
    private final boolean badge;

    private AwtTaskbarAttention(Taskbar taskbar) {
        this.taskbar = taskbar;
        this.attention = taskbar.isSupported(Taskbar.Feature.USER_ATTENTION);
        this.badge = taskbar.isSupported(Taskbar.Feature.ICON_BADGE_NUMBER);
    }

    /** This desktop's taskbar, or {@link DesktopAttention#none()} where there is none to ask. */
    public static DesktopAttention ofThisDesktop() {
        try {
            if (!GraphicsEnvironment.isHeadless() && Taskbar.isTaskbarSupported()) {
                return new AwtTaskbarAttention(Taskbar.getTaskbar());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.info("the taskbar cannot be asked for attention here: {}", e.toString());
            return DesktopAttention.none();
        }
        LOG.info("this desktop offers no taskbar attention; the console's title shows the waiting count");
        return DesktopAttention.none();
    }

    @Override
    public void requestAttention() {
        if (attention) {
            taskbar.requestUserAttention(true, false);
        }
    }

    @Override
    public void showCount(int count) {
        if (badge) {
            taskbar.setIconBadge(count == 0 ? null : Integer.toString(count));
        }
    }
}
