package io.huddle.console;

import io.huddle.domain.Presence;
import io.huddle.ui.TrayIconHost;
import java.util.List;
import javafx.beans.value.ObservableIntegerValue;

/**
 * The console's icon in the desktop's system tray: the count of waiting help requests, and a menu with
 * Show Huddle, the supervisor's availability (Available / Busy / Away) and Quit.
 */
public final class TrayIconViewModel implements TrayIconHost.Menu {
    private final ObservableIntegerValue waiting;
    private final PresenceViewModel presence;
    private final Runnable show;
    private final Runnable quit;
    private final TrayIconHost host;
    private boolean installed;

    /**
     * @param show brings the console's window to the front
     * @param quit closes the console as its window's close button does
     */
    public TrayIconViewModel(ObservableIntegerValue waiting, PresenceViewModel presence, Runnable show,
                             Runnable quit, TrayIconHost host) {
        this.waiting = waiting;
        this.presence = presence;
        this.show = show;
        this.quit = quit;
        this.host = host;
    }

    /** Puts the icon in the tray, where there is one, and keeps it up to date; false where there is none. */
    public boolean install() {
        installed = host.install(this);
        if (installed) {
            waiting.addListener((o, was, is) -> refresh());
            presence.current().addListener((o, was, is) -> refresh());
            // a change the gateway refused (or that could not be sent) leaves the menu on what is in force
            presence.change().running().addListener((o, was, is) -> refresh());
            refresh();
        }
        return installed;
    }

    private void refresh() {
        host.update(waiting.get(), tooltip(waiting.get()), PresenceViewModel.CHOICES.indexOf(presence.current().get()));
    }

    /** "Huddle — 2 help requests waiting". */
    static String tooltip(int count) {
        return "Huddle — " + switch (count) {
            case 0 -> "no help requests waiting";
            case 1 -> "1 help request waiting";
            default -> count + " help requests waiting";
        };
    }

    @Override
    public void show() {
        show.run();
    }

    @Override
    public List<String> choices() {
        return PresenceViewModel.CHOICES.stream().map(PresenceViewModel::label).toList();
    }

    @Override
    public void choose(int index) {
        Presence p = PresenceViewModel.CHOICES.get(index);
        if (p != presence.current().get() && presence.change().executable().get()) {
            presence.choose(p);
        } else {
            refresh(); // the menu checked what it was clicked on; put it back as it is
        }
    }

    @Override
    public void quit() {
        quit.run();
    }

    /** Takes the icon out of the tray (the console is closing). */
    public void remove() {
        if (installed) {
            host.remove();
            installed = false;
        }
    }
}
