package io.huddle.ui;

import java.util.List;

/**
 * The desktop's system tray, where it has one: an icon with a count, a tooltip and a menu. The menu's
 * actions reach the app on its UI thread.
 */
public interface TrayIconHost extends DesktopMessages {
    /** What the tray's menu does; called on the app's UI thread. */
    interface Menu {
        /** Show Huddle: the app's window, in front. */
        void show();

        /** The choices of the radio group between Show and Quit ("Available", "Busy", "Away"). */
        List<String> choices();

        void choose(int index);

        void quit();
    }

    /**
     * Puts the icon in the tray.
     *
     * @return false where the desktop has no tray (then nothing else does anything)
     */
    boolean install(Menu menu);

    /** The count on the icon (0: none), its tooltip and which choice is checked. */
    void update(int count, String tooltip, int chosen);

    /** Takes the icon out of the tray. */
    void remove();

    /** A desktop without a tray. */
    static TrayIconHost none() {
        return new TrayIconHost() {
            @Override
            public boolean install(Menu menu) {
                return false;
            }

            @Override
            public void update(int count, String tooltip, int chosen) {
            }

            @Override
            public void remove() {
            }

            @Override
            public boolean showMessage(String title, String text, boolean urgent) {
                return false;
            }

            @Override
            public boolean canShowMessages() {
                return false;
            }

            @Override
            public void onClicked(Runnable listener) {
            }
        };
    }
}
