package io.huddle.console;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * The one notice that pops up when help requests arrive. Requests that arrive while it shows join it
 * ("3 new help requests"), so a burst is one readable notice, not a pile; a request that stops waiting
 * (confirmed by anyone, cancelled, ended) leaves it at once, and when none is left it goes. It hides
 * {@value #SHOW_SECONDS} seconds after the last arrival, or when dismissed.
 */
public final class ToastViewModel {
    static final int SHOW_SECONDS = 8;
    static final int NAMES_SHOWN = 3;

    private final TrayViewModel tray;
    private final List<TrayItem> shown = new ArrayList<>();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TrayItem> single = new ReadOnlyObjectWrapper<>();
    private int secondsLeft;

    public ToastViewModel(TrayViewModel tray) {
        this.tray = tray;
        tray.arrivals().addListener((ListChangeListener<TrayItem>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    arrived(c.getAddedSubList());
                }
            }
        });
        tray.items().addListener((ListChangeListener<TrayItem>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    shown.removeAll(c.getRemoved());
                }
            }
            if (showing.get()) {
                show(); // fewer requests, or the hint about Ctrl+Enter changed
            }
        });
    }

    private void arrived(List<? extends TrayItem> items) {
        if (!showing.get()) {
            shown.clear();
        }
        items.stream().filter(i -> tray.items().contains(i) && !shown.contains(i)).forEach(shown::add);
        secondsLeft = SHOW_SECONDS;
        show();
    }

    private void show() {
        if (shown.isEmpty()) {
            dismiss();
            return;
        }
        if (shown.size() == 1) {
            TrayItem item = shown.get(0);
            String ladder = item.ladder().get();
            title.set(ladder == null ? "Help requested: " + item.agentName() : item.agentName() + " — " + ladder);
            // Ctrl+Enter takes the selected request or the oldest: say it only when that must be this one
            text.set(item.reason() + "\n" + item.interactionLabel() + "\n"
                    + (tray.items().size() == 1 ? "Ctrl+Enter to confirm" : "Ctrl+T to go to the tray"));
            single.set(item);
        } else {
            title.set(shown.size() + " new help requests");
            String names = shown.stream().limit(NAMES_SHOWN).map(i -> i.agentName() + " · " + i.reason())
                    .collect(Collectors.joining("\n"));
            int more = shown.size() - NAMES_SHOWN;
            text.set(names + (more > 0 ? "\nand " + more + " more" : "") + "\nCtrl+T to go to the tray");
            single.set(null);
        }
        showing.set(true);
    }

    /** Once a second: counts down to hiding, and lets go of the arrivals already shown. */
    public void tick() {
        tray.arrivals().clear();
        if (showing.get() && --secondsLeft <= 0) {
            dismiss();
        }
    }

    /** The supervisor closed it (or it timed out). */
    public void dismiss() {
        shown.clear();
        single.set(null);
        showing.set(false);
    }

    public ReadOnlyBooleanProperty showing() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    /** The request the notice is about when it is about one (a click then selects it), or null. */
    public ReadOnlyObjectProperty<TrayItem> single() {
        return single.getReadOnlyProperty();
    }
}
