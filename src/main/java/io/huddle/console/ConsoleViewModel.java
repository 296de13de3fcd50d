package io.huddle.console;

import io.huddle.client.FloorChange;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.ui.UiThread;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The console's root view model: routes each batch of floor changes to the list, the tray and the
 * detail, and keeps the controls off while the connection is down.
 */
public final class ConsoleViewModel {
    private final FloorViewModel floor;
    private final TrayViewModel tray;
    private final ToastViewModel toasts;
    private final DetailViewModel detail;
    private final ConnectionViewModel connection;
    private final PresenceViewModel presence;
    private final JournalViewModel journal = new JournalViewModel();
    private final ReadOnlyStringWrapper focusRequest = new ReadOnlyStringWrapper();

    public ConsoleViewModel(String myId, String server, UiThread ui, ConsoleGateway gateway) {
        this.floor = new FloorViewModel(myId);
        this.detail = new DetailViewModel(myId, ui, gateway);
        this.tray = new TrayViewModel(myId, ui, gateway, id -> {
            InteractionRow r = floor.row(id);
            return r == null ? null : r.dto();
        });
        this.toasts = new ToastViewModel(tray);
        this.connection = new ConnectionViewModel(server);
        tray.online().bind(connection.online());
        detail.online().bind(connection.online());
        tray.onAccepted(this::opened);
        this.presence = new PresenceViewModel(ui, gateway);
        presence.online().bind(connection.online());
        tray.quiet().bind(presence.current().isNotEqualTo(io.huddle.domain.Presence.AVAILABLE));
    }

    /** A confirmed request opens its interaction in the detail. */
    private void opened(HelpRequestDto accepted) {
        focusRequest.set(null);
        focusRequest.set(accepted.interactionId());
        detail.select(accepted.interactionId());
    }

    /** Applies one batch of changes from the stream (already merged); on the UI thread. */
    public void apply(FloorChange change) {
        if (change.reset()) {
            floor.replaceAll(change.interactions());
            tray.replaceAll(change.helpRequests().stream().filter(r -> r.status().isOpen()).toList());
            String selected = detail.selectedId();
            if (selected != null && floor.row(selected) == null) {
                detail.interactionEnded(selected);
            } else if (selected != null) {
                detail.select(selected);
            }
        } else {
            floor.applyBatch(change.interactions(), change.removedInteractions());
            for (InteractionDto i : change.interactions()) {
                detail.interactionUpdated(i);
            }
            for (String gone : change.removedInteractions()) {
                detail.interactionEnded(gone);
            }
            for (HelpRequestDto r : change.helpRequests()) {
                tray.apply(r);
                detail.helpUpdated(r);
            }
        }
        // a snapshot merged with the frames around it still carries their notices and lines
        for (FloorChange.Notification n : change.notifications()) {
            tray.notification(n.kind(), n.helpRequestId(), n.text());
        }
        for (TranscriptLineDto line : change.transcript()) {
            detail.transcriptAppended(line);
        }
    }

    /** Once a second: durations, waiting times, the reconnect countdown, the help-request notice. */
    public void tick(Instant now) {
        floor.tick(now);
        toasts.tick();
        connection.tick(now);
        journal.tick(now);
    }

    /** Merges a batch of changes into one. */
    public static FloorChange merge(List<FloorChange> batch) {
        return FloorChange.mergeAll(batch);
    }

    public FloorViewModel floor() {
        return floor;
    }

    public TrayViewModel tray() {
        return tray;
    }

    /** The notice that pops up when help requests arrive. */
    public ToastViewModel toasts() {
        return toasts;
    }

    public DetailViewModel detail() {
        return detail;
    }

    /** Available, busy or away, and the command that changes it. */
    public PresenceViewModel presence() {
        return presence;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    /** How many journal entries wait to be uploaded, and why. */
    public JournalViewModel journal() {
        return journal;
    }

    /** The interaction the list should scroll to and select (set after a Confirm). */
    public ReadOnlyStringProperty focusRequest() {
        return focusRequest.getReadOnlyProperty();
    }
}
