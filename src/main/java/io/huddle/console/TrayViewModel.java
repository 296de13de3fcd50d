package io.huddle.console;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.UiThread;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notification tray: the pending help requests assigned to me, oldest waiting first, each with a
 * Confirm command; notices when one is cancelled or accepted by someone else; new arrivals for toasts.
 */
public final class TrayViewModel {
    private static final int KEEP_NOTICES = 30;

    private final String myId;
    private final UiThread ui;
    private final ConsoleGateway gateway;
    private final Function<String, InteractionDto> interactions;
    private final ObservableList<TrayItem> items = FXCollections.observableArrayList();
    private final Map<String, TrayItem> byId = new HashMap<>();
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final ObservableList<TrayItem> arrivals = FXCollections.observableArrayList();
    private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    /** Busy or away: new requests come into the tray without a notice (reminders still show). */
    private final SimpleBooleanProperty quiet = new SimpleBooleanProperty(false);
    private final IntegerBinding badge = Bindings.size(items);
    private Consumer<HelpRequestDto> onAccepted = r -> { };
    private Runnable onReminder = () -> { };
    private Runnable onNewRequest = () -> { };

    public TrayViewModel(String myId, UiThread ui, ConsoleGateway gateway,
                         Function<String, InteractionDto> interactions) {
        this.myId = myId;
        this.ui = ui;
        this.gateway = gateway;
        this.interactions = interactions;
    }

    /** Called with the request after this supervisor's Confirm succeeded (the console then opens it). */
    public void onAccepted(Consumer<HelpRequestDto> listener) {
        this.onAccepted = listener;
    }

    /** A fresh snapshot: items still waiting are kept as they are (a Confirm in flight stays busy). */
    public void replaceAll(List<HelpRequestDto> openRequests) {
        Set<String> keep = openRequests.stream().filter(this::waiting).map(HelpRequestDto::id)
                .collect(Collectors.toSet());
        List.copyOf(byId.keySet()).stream().filter(id -> !keep.contains(id)).forEach(this::remove);
        openRequests.forEach(r -> apply(r, false));
    }

    /** A help request changed (help.updated). */
    public void apply(HelpRequestDto r) {
        apply(r, true);
    }

    private void apply(HelpRequestDto r, boolean announce) {
        if (announce && r.status() == HelpRequestStatus.CLOSED && myId.equals(r.helpProvidedBy())) {
            notice(r.endReason() == HelpRequest.EndReason.INTERACTION_ENDED
                    ? "The help request of " + r.agentName() + " ended with the interaction"
                    : r.agentName() + " closed their help request");
        }
        boolean waiting = waiting(r);
        TrayItem existing = byId.get(r.id());
        if (waiting && existing == null) {
            TrayItem item = new TrayItem(r, myId, label(r));
            item.confirmWith(new AsyncCommand<>("Confirm", ui, online, () -> gateway.accept(r.id()), accepted -> {
                remove(r.id());
                onAccepted.accept(accepted);
            }));
            byId.put(r.id(), item);
            items.add(item);
            items.sort(Comparator.comparing(TrayItem::createdAt));
            if (announce && !quiet.get()) {
                arrivals.add(item);
                onNewRequest.run();
            }
        } else if (!waiting && existing != null) {
            remove(r.id());
        } else if (existing != null) {
            existing.update(r);
        }
    }

    private boolean waiting(HelpRequestDto r) {
        return r.status() == HelpRequestStatus.PENDING && r.assignedTo() != null && r.assignedTo().contains(myId);
    }

    /**
     * A notification event: cancellations and accepts by others leave a notice; a reminder or the service
     * level passing brings the request's notice up again (and the reminder sound, when it is on).
     */
    public void notification(String kind, String helpRequestId, String text) {
        if ("help.cancelled".equals(kind) || "help.accepted".equals(kind)) {
            remove(helpRequestId);
            notice(text);
        } else if ("help.reminded".equals(kind) || "help.breached".equals(kind)) {
            TrayItem item = byId.get(helpRequestId);
            if (item != null) {
                arrivals.remove(item);
                arrivals.add(item);
                onReminder.run();
            }
            notice(text);
        }
    }

    /** Runs on each request that newly waits for me, announced (the console's optional sound). */
    public void onNewRequest(Runnable listener) {
        this.onNewRequest = listener;
    }

    /** Runs on every reminder of a request in this tray (the console's optional sound). */
    public void onReminder(Runnable listener) {
        this.onReminder = listener;
    }

    private void remove(String id) {
        TrayItem item = byId.remove(id);
        if (item != null) {
            items.remove(item);
        }
    }

    private void notice(String text) {
        notices.add(0, text);
        if (notices.size() > KEEP_NOTICES) {
            notices.remove(KEEP_NOTICES, notices.size());
        }
    }

    private String label(HelpRequestDto r) {
        InteractionDto i = interactions.apply(r.interactionId());
        if (i == null) {
            return r.interactionId();
        }
        String channel = i.channel().name().charAt(0) + i.channel().name().substring(1).toLowerCase(Locale.ROOT);
        return channel + " with " + i.customerName() + " · " + i.queue();
    }

    public ObservableList<TrayItem> items() {
        return items;
    }

    public TrayItem item(String helpRequestId) {
        return byId.get(helpRequestId);
    }

    public ObservableList<String> notices() {
        return notices;
    }

    /** New requests since the last tick ({@link ToastViewModel} shows them and clears the list). */
    public ObservableList<TrayItem> arrivals() {
        return arrivals;
    }

    public IntegerBinding badge() {
        return badge;
    }

    public SimpleBooleanProperty quiet() {
        return quiet;
    }

    public SimpleBooleanProperty online() {
        return online;
    }
}
