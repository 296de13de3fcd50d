package io.huddle.ui;

/** A short sound to draw the person's ear. */
@FunctionalInterface
public interface AlertSound {
    void play();

    /** The desktop's own alert sound (AWT's beep), the one the console has always used for reminders. */
    static AlertSound systemBeep() {
        return () -> java.awt.Toolkit.getDefaultToolkit().beep();
    }
}
