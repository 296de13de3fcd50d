package io.huddle.ui;

/**
 * A short message from the desktop's own notification area (a balloon from the tray icon on Windows and
 * macOS): for notifications where no other notification service is available.
 */
public interface DesktopMessages {
    /**
     * Shows the message.
     *
     * @param urgent shown as a warning where the desktop distinguishes one
     * @return false where it cannot be shown (no tray icon)
     */
    boolean showMessage(String title, String text, boolean urgent);
}
