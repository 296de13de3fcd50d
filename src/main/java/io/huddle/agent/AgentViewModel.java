package io.huddle.agent;

import io.huddle.client.FloorChange;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.TranscriptLine;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.UiThread;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The agent mini-window: the agent's interactions, the help request on the selected one and what the
 * agent may do with it (request, cancel while pending, close while in progress), and the supervisor's
 * visible presence (coach whispers, barge-in). A silent monitor never reaches this view model: the gateway
 * does not send it.
 */
public final class AgentViewModel {

    /** What the help button does now. */
    public enum HelpAction { REQUEST, CANCEL, CLOSE, NONE }

    private final ObservableList<InteractionDto> interactions = FXCollections.observableArrayList();
    private final ObjectProperty<InteractionDto> selected = new SimpleObjectProperty<>();
    private final Map<String, HelpRequestDto> requestByInteraction = new HashMap<>();
    private final ReadOnlyObjectWrapper<HelpRequestDto> request = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HelpAction> helpAction = new ReadOnlyObjectWrapper<>(HelpAction.NONE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No interaction");
    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper();
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObservableList<TranscriptLineDto> supervisorLines = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty();
    private final StringProperty comment = new SimpleStringProperty("");
    private final SimpleBooleanProperty online = new SimpleBooleanProperty(false);
    private final AsyncCommand<HelpRequestDto> requestCmd;
    private final AsyncCommand<HelpRequestDto> cancelCmd;
    private final AsyncCommand<HelpRequestDto> closeCmd;
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.now());

    public AgentViewModel(UiThread ui, AgentGateway gateway) {
        BooleanBinding canRequest = Bindings.createBooleanBinding(() -> online.get()
                && helpAction.get() == HelpAction.REQUEST && reason.get() != null, online, helpAction, reason);
        requestCmd = new AsyncCommand<>("Request help", ui, canRequest, () -> gateway.requestHelp(
                selected.get().id(), reason.get(), comment.get()), r -> {
                    comment.set("");
                    applyRequest(r);
                });
        BooleanBinding canCancel = online.and(helpAction.isEqualTo(HelpAction.CANCEL));
        cancelCmd = new AsyncCommand<>("Cancel", ui, canCancel, () -> gateway.cancel(request.get().id()),
                r -> {
                    applyRequest(r);
                    alert.set("Your help request was cancelled.");
                });
        BooleanBinding canClose = online.and(helpAction.isEqualTo(HelpAction.CLOSE));
        closeCmd = new AsyncCommand<>("Close", ui, canClose, () -> gateway.close(request.get().id()), r -> {
            applyRequest(r);
            alert.set("Help request closed. You can ask for help again at any time.");
        });
        selected.addListener((o, a, i) -> refresh());
        online.addListener((o, a, b) -> refresh());
    }

    public void apply(FloorChange change) {
        if (change.reset()) {
            interactions.setAll(change.interactions());
            requestByInteraction.clear();
        } else {
            for (InteractionDto i : change.interactions()) {
                upsert(i);
            }
            interactions.removeIf(i -> change.removedInteractions().contains(i.id()));
        }
        for (HelpRequestDto r : change.helpRequests()) {
            applyRequest(r);
        }
        if (change.settings() != null) {
            reasons.setAll(change.settings().helpReasons());
            if ((reason.get() == null || !reasons.contains(reason.get())) && !reasons.isEmpty()) {
                reason.set(reasons.get(0));
            }
        }
        for (TranscriptLineDto line : change.transcript()) {
            if (line.from() == TranscriptLine.Speaker.SUPERVISOR || line.from() == TranscriptLine.Speaker.SYSTEM) {
                supervisorLines.add(line);
                if (supervisorLines.size() > 100) {
                    supervisorLines.remove(0);
                }
            }
        }
        InteractionDto current = selected.get();
        if (current == null || interactions.stream().noneMatch(i -> i.id().equals(current.id()))) {
            selected.set(interactions.isEmpty() ? null : interactions.get(0));
        } else {
            interactions.stream().filter(i -> i.id().equals(current.id())).findFirst().ifPresent(selected::set);
        }
        refresh();
    }

    private void upsert(InteractionDto i) {
        for (int n = 0; n < interactions.size(); n++) {
            if (interactions.get(n).id().equals(i.id())) {
                interactions.set(n, i);
                return;
            }
        }
        interactions.add(i);
    }

    private void applyRequest(HelpRequestDto r) {
        HelpRequestDto known = requestByInteraction.get(r.interactionId());
        if (r.status().isOpen()) {
            requestByInteraction.put(r.interactionId(), r);
        } else if (known == null || known.id().equals(r.id())) {
            requestByInteraction.remove(r.interactionId());
        }
        refresh();
    }

    /** Once a second: the waiting time in the status and the durations in the picker move on. */
    public void tick(Instant at) {
        now.set(at);
        refresh();
    }

    private void refresh() {
        InteractionDto i = selected.get();
        HelpRequestDto r = i == null ? null : requestByInteraction.get(i.id());
        request.set(r);
        if (i == null) {
            helpAction.set(HelpAction.NONE);
            status.set("No active interaction.");
        } else if (r == null) {
            helpAction.set(HelpAction.REQUEST);
            status.set("No help request.");
        } else if (r.status() == HelpRequestStatus.PENDING) {
            helpAction.set(HelpAction.CANCEL);
            status.set("Help requested " + waited(r.createdAt()) + " ago. " + HelpProgress.of(r));
        } else {
            helpAction.set(HelpAction.CLOSE);
            status.set("In progress: " + r.helpProvidedByName() + " is helping you.");
        }
        if (!online.get() && i != null) {
            status.set(status.get() + " (offline: reconnecting…)");
        }
    }

    private String waited(Instant since) {
        return elapsed(since, now.get());
    }

    /** "Voice · Noah Schmidt · 3:12": an interaction as the picker shows it, its duration as of the last tick. */
    public String label(InteractionDto i) {
        String ch = i.channel().name().charAt(0) + i.channel().name().substring(1).toLowerCase(Locale.ROOT);
        return ch + " · " + i.customerName() + " · " + elapsed(i.startedAt(), now.get());
    }

    static String elapsed(Instant from, Instant to) {
        long s = from == null ? 0 : Math.max(0, Duration.between(from, to).getSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /**
     * Who a line in "From your supervisor" is from, and who else sees it: "Sam Sup · coaching, only you see
     * this", "Sam Sup · to you and the customer"; null for Huddle's own lines (someone joined or left).
     */
    public static String lineFrom(TranscriptLineDto l) {
        if (l.from() == TranscriptLine.Speaker.SYSTEM) {
            return null;
        }
        if (l.audience() == TranscriptLine.Audience.AGENT) {
            return l.authorName() + " · coaching, only you see this";
        }
        return l.from() == TranscriptLine.Speaker.SUPERVISOR ? l.authorName() + " · to you and the customer"
                : l.authorName();
    }

    /** The clock the durations are measured against, moved by {@link #tick}. */
    public ReadOnlyObjectProperty<Instant> now() {
        return now.getReadOnlyProperty();
    }

    public void dismissAlert() {
        alert.set(null);
    }

    public ObservableList<InteractionDto> interactions() {
        return interactions;
    }

    public ObjectProperty<InteractionDto> selected() {
        return selected;
    }

    public ReadOnlyObjectProperty<HelpRequestDto> request() {
        return request.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HelpAction> helpAction() {
        return helpAction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** A confirmation to show once (after a close or cancel), or null. */
    public ReadOnlyStringProperty alert() {
        return alert.getReadOnlyProperty();
    }

    public ObservableList<String> reasons() {
        return reasons;
    }

    public StringProperty reason() {
        return reason;
    }

    public StringProperty comment() {
        return comment;
    }

    /** Coach whispers, barge messages and the supervisor joining or leaving, newest last. */
    public ObservableList<TranscriptLineDto> supervisorLines() {
        return supervisorLines;
    }

    public SimpleBooleanProperty online() {
        return online;
    }

    public AsyncCommand<HelpRequestDto> requestCommand() {
        return requestCmd;
    }

    public AsyncCommand<HelpRequestDto> cancelCommand() {
        return cancelCmd;
    }

    public AsyncCommand<HelpRequestDto> closeCommand() {
        return closeCmd;
    }

    /** All commands, for one error line. */
    public List<AsyncCommand<HelpRequestDto>> commands() {
        return List.of(requestCmd, cancelCmd, closeCmd);
    }
}
