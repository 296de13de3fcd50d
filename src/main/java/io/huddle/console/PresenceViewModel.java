package io.huddle.console;

import io.huddle.domain.Presence;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.UiThread;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Whether this supervisor is available, busy or away, as the gateway has it. Only available supervisors are
 * notified of new requests; the gateway remembers the choice for the sign-in session, and after the
 * connection comes back the console says it again (a restarted gateway would not know it).
 */
public final class PresenceViewModel {
    /** What the header offers, in this order. */
    public static final List<Presence> CHOICES = List.of(Presence.AVAILABLE, Presence.BUSY, Presence.AWAY);

    private final ConsoleGateway gateway;
    private final ReadOnlyObjectWrapper<Presence> current = new ReadOnlyObjectWrapper<>(Presence.AVAILABLE);
    private final SimpleObjectProperty<Presence> wanted = new SimpleObjectProperty<>(Presence.AVAILABLE);
    private final SimpleBooleanProperty online = new SimpleBooleanProperty(false);
    private final AsyncCommand<Presence> change;

    public PresenceViewModel(UiThread ui, ConsoleGateway gateway) {
        this.gateway = gateway;
        this.change = new AsyncCommand<>("Change presence", ui, online, () -> gateway.presence(wanted.get()),
                current::set);
        online.addListener((o, was, is) -> {
            if (is && current.get() != Presence.AVAILABLE) {
                choose(current.get());
            }
        });
    }

    /** Asks the gateway for this presence; the header shows it once the gateway has it. */
    public void choose(Presence p) {
        wanted.set(p);
        change.execute();
    }

    public ReadOnlyObjectProperty<Presence> current() {
        return current.getReadOnlyProperty();
    }

    public AsyncCommand<Presence> change() {
        return change;
    }

    public SimpleBooleanProperty online() {
        return online;
    }

    /** "Available", "Busy", "Away". */
    public static String label(Presence p) {
        String w = p.wireName();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
