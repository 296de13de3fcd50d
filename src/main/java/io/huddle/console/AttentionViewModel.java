package io.huddle.console;

import io.huddle.ui.DesktopAttention;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Draws a supervisor who is looking elsewhere back to the console: while its window is not focused, the
 * title carries the count of waiting help requests ("(2) Huddle — Supervisor One") and each new request or
 * reminder asks the desktop for attention (the taskbar, where the platform allows it).
 */
public final class AttentionViewModel {
    private final SimpleBooleanProperty focused = new SimpleBooleanProperty(true);
    private final StringBinding title;

    /**
     * @param arrivals new requests and reminders as the tray announces them ({@link TrayViewModel#arrivals})
     */
    public AttentionViewModel(String baseTitle, ObservableIntegerValue waiting, ObservableList<TrayItem> arrivals,
                              DesktopAttention desktop) {
        this.title = Bindings.createStringBinding(
                () -> focused.get() || waiting.get() == 0 ? baseTitle : "(" + waiting.get() + ") " + baseTitle,
                waiting, focused);
        arrivals.addListener((ListChangeListener<TrayItem>) c -> {
            while (c.next()) {
                if (c.wasAdded() && !focused.get()) {
                    desktop.requestAttention();
                    return;
                }
            }
        });
        waiting.addListener((o, was, is) -> desktop.showCount(is.intValue()));
    }

    /** Whether the console's window has the focus (the app binds it to the window's). */
    public SimpleBooleanProperty focused() {
        return focused;
    }

    /** The window's title. */
    public StringBinding title() {
        return title;
    }

    /** "Huddle — Supervisor One". */
    public static String baseTitle(String displayName) {
        return "Huddle — " + displayName;
    }
}
