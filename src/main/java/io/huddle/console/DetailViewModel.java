package io.huddle.console;

import io.huddle.domain.ActionType;
import io.huddle.domain.Controls;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorMode;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.ParticipantDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.UiThread;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected interaction: participants, transcript, help request and the call controls. Selecting
 * "views" the interaction at the gateway, whose answer decides which controls are on. Actions change
 * the screen only on the gateway's ack.
 */
public final class DetailViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DetailViewModel.class);
    private static final int KEEP_LINES = 500;

    private final String myId;
    private final UiThread ui;
    private final ConsoleGateway gateway;
    private final ReadOnlyObjectWrapper<InteractionDto> interaction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HelpRequestDto> helpRequest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SupervisorMode> myMode = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TranscriptLineDto> transcript = FXCollections.observableArrayList();
    private final ObservableList<ParticipantDto> participants = FXCollections.observableArrayList();
    private final Set<String> lineIds = new HashSet<>();
    private final ControlState monitor = new ControlState();
    private final ControlState coach = new ControlState();
    private final ControlState bargeIn = new ControlState();
    private final ControlState disconnect = new ControlState();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    private final StringProperty draft = new SimpleStringProperty("");
    private final AsyncCommand<ConsoleGateway.ActionResult> monitorCmd;
    private final AsyncCommand<ConsoleGateway.ActionResult> coachCmd;
    private final AsyncCommand<ConsoleGateway.ActionResult> bargeCmd;
    private final AsyncCommand<ConsoleGateway.ActionResult> disconnectCmd;
    private final AsyncCommand<TranscriptLineDto> sendCmd;
    private final BooleanBinding anyRunning;
    private final SimpleBooleanProperty actionBusy = new SimpleBooleanProperty(false);
    private String selected;
    private long viewGeneration;

    public DetailViewModel(String myId, UiThread ui, ConsoleGateway gateway) {
        this.myId = myId;
        this.ui = ui;
        this.gateway = gateway;
        monitorCmd = action("Monitor", ActionType.MONITOR, monitor);
        coachCmd = action("Coach", ActionType.COACH, coach);
        bargeCmd = action("Barge In", ActionType.BARGE_IN, bargeIn);
        disconnectCmd = action("Disconnect", ActionType.DISCONNECT, disconnect);
        BooleanBinding canSend = Bindings.createBooleanBinding(() -> online.get()
                        && (myMode.get() == SupervisorMode.COACH || myMode.get() == SupervisorMode.BARGE_IN)
                        && draft.get() != null && !draft.get().isBlank(), online, myMode, draft);
        sendCmd = new AsyncCommand<>("Send", ui, canSend,
                () -> gateway.send(selected, draft.get().strip()), line -> {
                    draft.set("");
                    transcriptAppended(line);
                });
        anyRunning = monitorCmd.running().or(coachCmd.running()).or(bargeCmd.running())
                .or(disconnectCmd.running());
        actionBusy.bind(anyRunning);
        online.addListener((o, was, is) -> {
            if (!is) {
                allOff("offline: reconnecting to the gateway");
            } else if (selected != null) {
                select(selected);
            } else {
                allOff("select an interaction");
            }
        });
    }

    private AsyncCommand<ConsoleGateway.ActionResult> action(String label, ActionType type, ControlState control) {
        // one call control at a time: while Coach is in flight, Barge In waits too
        BooleanBinding allowed = Bindings.createBooleanBinding(
                () -> control.enabled().get() && online.get() && selected != null && !actionBusy.get(),
                control.enabled(), online, actionBusy);
        // the interaction the command in flight acts on (a command runs once at a time)
        String[] target = new String[1];
        // no help request id: the gateway records the one this supervisor is providing help on, if any
        return new AsyncCommand<>(label, ui, allowed, () -> {
            target[0] = selected;
            return gateway.act(target[0], type, null);
        }, result -> {
            // the ack describes the interaction acted on: not the one shown if the selection moved meanwhile
            if (target[0].equals(selected)) {
                applyControls(result.controls());
            }
        });
    }

    /** Views an interaction (null clears the detail). Stale answers for an earlier selection are ignored. */
    public void select(String interactionId) {
        selected = interactionId;
        long generation = ++viewGeneration;
        error.set(null);
        transcript.clear();
        lineIds.clear();
        if (interactionId == null) {
            interaction.set(null);
            helpRequest.set(null);
            participants.clear();
            myMode.set(null);
            allOff("select an interaction");
            gateway.unview().whenComplete((v, failure) -> {
                if (failure != null) { // its lines keep coming and are not shown (they name another interaction)
                    LOG.warn("could not stop following the interaction that was shown: {}", failure.toString());
                }
            });
            return;
        }
        loading.set(true);
        // the previous selection's controls say nothing about this one: off until the gateway describes it
        allOff(online.get() ? "loading the interaction…" : "offline: reconnecting to the gateway");
        gateway.view(interactionId).whenComplete((result, failure) -> ui.postNow(() -> {
            if (generation != viewGeneration) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                error.set("Could not open the interaction: " + AsyncCommand.describe(failure));
                allOff("the gateway did not describe this interaction's controls");
                return;
            }
            showInteraction(result.interaction());
            helpRequest.set(result.helpRequest());
            applyControls(result.controls());
            // lines that arrived live while the view was loading come after the history, not before it
            List<TranscriptLineDto> live = List.copyOf(transcript);
            transcript.clear();
            lineIds.clear();
            result.transcript().forEach(this::appendLine);
            live.forEach(this::appendLine);
        }));
    }

    /**
     * Re-asks the gateway which controls are on (after something changed on the selected interaction). Not
     * while an action runs: its ack brings the controls after it, and anything that changes after that arrives
     * after the ack and asks again.
     */
    public void refreshControls() {
        if (selected == null || loading.get() || anyRunning.get()) {
            return;
        }
        String id = selected;
        long generation = viewGeneration;
        gateway.controls(id).whenComplete((result, failure) -> ui.post(() -> {
            if (failure == null && generation == viewGeneration && !anyRunning.get()) {
                helpRequest.set(result.helpRequest());
                applyControls(result.controls());
            }
        }));
    }

    public void interactionUpdated(InteractionDto dto) {
        if (dto.id().equals(selected)) {
            showInteraction(dto);
            refreshControls();
        }
    }

    public void interactionEnded(String interactionId) {
        if (interactionId.equals(selected)) {
            InteractionDto i = interaction.get();
            if (i != null) {
                showInteraction(new InteractionDto(i.id(), i.channel(), InteractionState.ENDED, i.agentId(),
                        i.agentName(), i.customerName(), i.queue(), i.startedAt(), null, false,
                        i.participants().stream().filter(p -> p.kind() != Participant.Kind.SUPERVISOR).toList(),
                        i.platformId()));
            }
            allOff("the interaction has ended");
        }
    }

    public void helpUpdated(HelpRequestDto r) {
        if (r.interactionId().equals(selected)) {
            helpRequest.set(r.status().isOpen() ? r : null);
            refreshControls();
        }
    }

    public void transcriptAppended(TranscriptLineDto line) {
        if (line.interactionId().equals(selected)) {
            appendLine(line);
        }
    }

    private void appendLine(TranscriptLineDto line) {
        if (lineIds.add(line.id())) {
            transcript.add(line);
            if (transcript.size() > KEEP_LINES) {
                TranscriptLineDto first = transcript.remove(0);
                lineIds.remove(first.id());
            }
        }
    }

    private void showInteraction(InteractionDto dto) {
        interaction.set(dto);
        participants.setAll(dto.participants());
        myMode.set(dto.participants().stream()
                .filter(p -> p.kind() == Participant.Kind.SUPERVISOR && p.id().equals(myId))
                .map(ParticipantDto::mode).findFirst().orElse(null));
    }

    private void applyControls(Controls c) {
        if (!online.get()) {
            allOff("offline: reconnecting to the gateway");
            return;
        }
        monitor.set(c.monitor());
        coach.set(c.coach());
        bargeIn.set(c.bargeIn());
        disconnect.set(c.disconnect());
    }

    private void allOff(String why) {
        List.of(monitor, coach, bargeIn, disconnect).forEach(s -> s.off(why));
    }

    public String selectedId() {
        return selected;
    }

    public ReadOnlyObjectProperty<InteractionDto> interaction() {
        return interaction.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HelpRequestDto> helpRequest() {
        return helpRequest.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SupervisorMode> myMode() {
        return myMode.getReadOnlyProperty();
    }

    public ObservableList<TranscriptLineDto> transcript() {
        return transcript;
    }

    public ObservableList<ParticipantDto> participants() {
        return participants;
    }

    public ControlState monitorControl() {
        return monitor;
    }

    public ControlState coachControl() {
        return coach;
    }

    public ControlState bargeInControl() {
        return bargeIn;
    }

    public ControlState disconnectControl() {
        return disconnect;
    }

    public AsyncCommand<ConsoleGateway.ActionResult> monitorCommand() {
        return monitorCmd;
    }

    public AsyncCommand<ConsoleGateway.ActionResult> coachCommand() {
        return coachCmd;
    }

    public AsyncCommand<ConsoleGateway.ActionResult> bargeInCommand() {
        return bargeCmd;
    }

    public AsyncCommand<ConsoleGateway.ActionResult> disconnectCommand() {
        return disconnectCmd;
    }

    public AsyncCommand<TranscriptLineDto> sendCommand() {
        return sendCmd;
    }

    public StringProperty draft() {
        return draft;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public SimpleBooleanProperty online() {
        return online;
    }
}
