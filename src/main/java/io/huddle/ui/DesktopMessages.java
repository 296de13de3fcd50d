package io.huddle.ui;

/**
 * A short message from the desktop's own notification area (a balloon from the tray icon: a toast on Windows, a
 * notification on macOS): for notifications where no other notification service is available. A message can
 * be neither changed nor taken away once shown.
 */
public interface DesktopMessages {
    /**
     * Shows the message.
     *
     * @param urgent shown as a warning where the desktop distinguishes one
     * @return false where it cannot be shown (no tray icon)
     */
    boolean showMessage(String title, String text, boolean urgent);

    /** Whether a message can be shown now: there is an icon in the tray to show it from. */
    boolean canShowMessages();

    /**
     * Called, on the desktop's own thread, when the person clicks the icon or a message it showed, where the desktop
     * tells (Windows does; a click on a macOS notification is not reported).
     */
    void onClicked(Runnable listener);
}
