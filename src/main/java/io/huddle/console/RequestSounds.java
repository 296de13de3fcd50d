package io.huddle.console;

import io.huddle.ui.AlertSound;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The console's two sounds, each the supervisor's choice (both off by default): one on a help request that
 * newly waits for me (not while busy or away, when new requests come in quietly), one on each reminder of a
 * request in my tray. FX thread.
 */
public final class RequestSounds {
    private final BooleanProperty onNewRequest = new SimpleBooleanProperty(false);
    private final BooleanProperty onReminder = new SimpleBooleanProperty(false);

    public RequestSounds(TrayViewModel tray, AlertSound sound) {
        tray.onNewRequest(() -> {
            if (onNewRequest.get()) {
                sound.play();
            }
        });
        tray.onReminder(() -> {
            if (onReminder.get()) {
                sound.play();
            }
        });
    }

    /** "Sound on a new help request". */
    public BooleanProperty onNewRequest() {
        return onNewRequest;
    }

    /** "Sound on reminders". */
    public BooleanProperty onReminder() {
        return onReminder;
    }
}
