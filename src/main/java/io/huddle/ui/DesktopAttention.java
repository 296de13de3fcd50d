package io.huddle.ui;

/** Where the desktop can show that an app needs its person: the taskbar or dock, when it has one. */
public interface DesktopAttention {
    /** Asks for attention (a flashing taskbar entry, a bouncing dock icon) until the app is focused. */
    void requestAttention();

    /** Shows a count on the app's taskbar or dock icon; 0 removes it. */
    void showCount(int count);

    /** A desktop that offers neither. */
    static DesktopAttention none() {
        return new DesktopAttention() {
            @Override
            public void requestAttention() {
            }

            @Override
            public void showCount(int count) {
            }
        };
    }
}
