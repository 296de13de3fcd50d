package io.huddle.console;

import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorMode;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.ParticipantDto;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.FollowingList;
import io.huddle.ui.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;

/** The selected interaction: who is on it, the help request, the controls, the live transcript. */
final class DetailPane extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current-mode");
    private static final PseudoClass SILENT = PseudoClass.getPseudoClass("silent");
    private static final PseudoClass BARGE = PseudoClass.getPseudoClass("barge");
    private static final PseudoClass IN_PROGRESS = PseudoClass.getPseudoClass("in-progress");
    private static final PseudoClass SUPERVISOR = PseudoClass.getPseudoClass("supervisor");

    private final DetailViewModel detail;
    private final TextField message = new TextField();

    DetailPane(DetailViewModel detail) {
        this.detail = detail;
        getStyleClass().add("detail");
        setId("detail");
        setMinWidth(360);

        Label title = new Label();
        title.getStyleClass().add("detail-title");
        title.setId("detail-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("muted");
        FlowPane participants = new FlowPane(6, 6);
        participants.setId("participants");
        detail.interaction().addListener((o, a, i) -> {
            title.setText(i == null ? "No interaction selected" : InteractionTable.channelLabel(i.channel())
                    + " with " + i.customerName());
            subtitle.setText(i == null ? "Pick a row in the list, or confirm a help request."
                    : "Handled by " + i.agentName() + " · " + i.queue() + " · " + InteractionTable.stateLabel(i.state()));
        });
        title.setText("No interaction selected");
        subtitle.setText("Pick a row in the list, or confirm a help request.");
        detail.participants().addListener((ListChangeListener<ParticipantDto>) c ->
                participants.getChildren().setAll(detail.participants().stream().map(DetailPane::chip).toList()));

        VBox helpBox = helpBox();
        Label mode = modeBanner();

        HBox controls = new HBox(
                control("Monitor", Icons.MONITOR, "F6", detail.monitorCommand(), detail.monitorControl(),
                        SupervisorMode.MONITOR),
                control("Coach", Icons.COACH, "F7", detail.coachCommand(), detail.coachControl(),
                        SupervisorMode.COACH),
                control("Barge In", Icons.BARGE_IN, "F8", detail.bargeInCommand(), detail.bargeInControl(),
                        SupervisorMode.BARGE_IN),
                control("Disconnect", Icons.DISCONNECT, "F9", detail.disconnectCommand(),
                        detail.disconnectControl(), null));
        controls.getStyleClass().add("controls-bar");
        controls.getChildren().get(3).getStyleClass().add("disconnect");

        Label reasons = new Label();
        reasons.setId("control-reasons");
        reasons.getStyleClass().add("control-reasons");
        reasons.setWrapText(true);
        reasons.setMinHeight(Region.USE_PREF_SIZE);
        reasons.textProperty().bind(Bindings.createStringBinding(this::reasonsText,
                detail.monitorControl().reason(), detail.coachControl().reason(), detail.bargeInControl().reason(),
                detail.disconnectControl().reason(), detail.monitorControl().enabled(),
                detail.coachControl().enabled(), detail.bargeInControl().enabled(),
                detail.disconnectControl().enabled()));

        Label errors = new Label();
        errors.setId("detail-error");
        errors.getStyleClass().add("error-text");
        errors.textProperty().bind(Bindings.createStringBinding(this::errorText, detail.error(),
                detail.monitorCommand().error(), detail.coachCommand().error(), detail.bargeInCommand().error(),
                detail.disconnectCommand().error(), detail.sendCommand().error()));
        errors.managedProperty().bind(errors.textProperty().isNotEmpty());
        errors.visibleProperty().bind(errors.managedProperty());

        ListView<io.huddle.protocol.TranscriptLineDto> transcript = new FollowingList<>(detail.transcript());
        transcript.setId("transcript");
        transcript.getStyleClass().add("transcript");
        transcript.setAccessibleText("Live transcript");
        transcript.setAccessibleHelp("What is said on the selected interaction as it is said, the newest line last");
        transcript.setCellFactory(v -> new TranscriptCell());
        transcript.setPlaceholder(new Label("The live transcript shows here."));
        VBox.setVgrow(transcript, Priority.ALWAYS);

        HBox composer = composer();
        getChildren().addAll(title, subtitle, participants, helpBox, mode, controls, reasons, errors, transcript,
                composer);
    }

    private Button control(String label, Ikon icon, String key, AsyncCommand<?> command, ControlState state,
                           SupervisorMode mode) {
        Button b = new Button(label, Icons.of(icon, 22));
        b.setId("control-" + label.toLowerCase().replace(' ', '-'));
        b.getStyleClass().add("control-button");
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a control's label is never cut to "Ba…"
        b.setAccessibleText(label + " (" + key + ")");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> label + " (" + key + ")"
                + (state.enabled().get() ? "" : "\nOff: " + state.reason().get()), state.enabled(), state.reason()));
        b.setTooltip(tip);
        b.disableProperty().bind(command.executable().not());
        b.setOnAction(e -> command.execute());
        if (mode != null) {
            detail.myMode().addListener((o, a, m) -> b.pseudoClassStateChanged(CURRENT, m == mode));
        }
        command.running().addListener((o, a, running) -> b.setText(running ? label + "…" : label));
        return b;
    }

    /** One line per reason, naming the controls it turns off: "Coach, Barge In: …". */
    private String reasonsText() {
        java.util.Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        add(byReason, "Monitor", detail.monitorControl());
        add(byReason, "Coach", detail.coachControl());
        add(byReason, "Barge In", detail.bargeInControl());
        add(byReason, "Disconnect", detail.disconnectControl());
        List<String> lines = new ArrayList<>();
        byReason.forEach((reason, labels) -> lines.add(String.join(", ", labels) + ": " + reason));
        return String.join("\n", lines);
    }

    private static void add(java.util.Map<String, List<String>> byReason, String label, ControlState s) {
        if (!s.enabled().get() && s.reason().get() != null) {
            byReason.computeIfAbsent(s.reason().get(), r -> new ArrayList<>()).add(label);
        }
    }

    private String errorText() {
        for (String e : List.of(nz(detail.error().get()), nz(detail.monitorCommand().error().get()),
                nz(detail.coachCommand().error().get()), nz(detail.bargeInCommand().error().get()),
                nz(detail.disconnectCommand().error().get()), nz(detail.sendCommand().error().get()))) {
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private Label modeBanner() {
        Label mode = new Label();
        mode.setId("mode-banner");
        mode.getStyleClass().add("mode-banner");
        mode.setMaxWidth(Double.MAX_VALUE);
        mode.setWrapText(true);
        mode.setMinHeight(Region.USE_PREF_SIZE);
        detail.myMode().addListener((o, a, m) -> {
            mode.setText(switch (m == null ? "" : m.name()) {
                case "MONITOR" -> "You are monitoring silently: the agent and the customer cannot see or hear you.";
                case "COACH" -> "You are coaching: only the agent sees your whispers.";
                case "BARGE_IN" -> "You have barged in: the agent and the customer see you.";
                default -> "";
            });
            mode.pseudoClassStateChanged(SILENT, m == SupervisorMode.MONITOR);
            mode.pseudoClassStateChanged(BARGE, m == SupervisorMode.BARGE_IN);
        });
        mode.managedProperty().bind(detail.myMode().isNotNull());
        mode.visibleProperty().bind(mode.managedProperty());
        return mode;
    }

    private VBox helpBox() {
        Label status = new Label();
        status.setId("help-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Label reason = new Label();
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(status, reason);
        box.getStyleClass().add("help-box");
        detail.helpRequest().addListener((o, a, r) -> {
            if (r == null) {
                return;
            }
            box.pseudoClassStateChanged(IN_PROGRESS, r.status() == HelpRequestStatus.IN_PROGRESS);
            status.setText(helpStatus(r));
            reason.setText(r.reason() + (r.comment() == null ? "" : " — “" + r.comment() + "”"));
        });
        box.managedProperty().bind(detail.helpRequest().isNotNull());
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    static String helpStatus(HelpRequestDto r) {
        return switch (r.status()) {
            case PENDING -> r.agentName() + " asked for help: pending";
            case IN_PROGRESS -> "Help request in progress: help provided by " + r.helpProvidedByName();
            case CLOSED -> "Help request closed";
            case CANCELLED -> "Help request cancelled";
        };
    }

    private HBox composer() {
        message.setId("message-field");
        message.textProperty().bindBidirectional(detail.draft());
        message.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            InteractionDto i = detail.interaction().get();
            String agent = i == null ? "the agent" : i.agentName();
            return detail.myMode().get() == SupervisorMode.BARGE_IN ? "Message " + agent + " and the customer"
                    : "Whisper to " + agent + " (the customer cannot see this)";
        }, detail.myMode(), detail.interaction()));
        message.setAccessibleText("Message");
        // the prompt says who reads it; it goes away while one types, the help does not
        message.accessibleHelpProperty().bind(Bindings.concat(message.promptTextProperty(),
                ". Enter sends it; Ctrl+M comes here."));
        message.setOnAction(e -> detail.sendCommand().execute());
        HBox.setHgrow(message, Priority.ALWAYS);
        Button send = new Button("Send", Icons.of(Icons.SEND, 14));
        send.setId("send-button");
        send.setAccessibleText("Send the message");
        send.setTooltip(new Tooltip("Send the message (Enter in the field)"));
        send.disableProperty().bind(detail.sendCommand().executable().not());
        send.setOnAction(e -> detail.sendCommand().execute());
        HBox box = new HBox(6, message, send);
        box.setAlignment(Pos.CENTER_LEFT);
        box.managedProperty().bind(Bindings.createBooleanBinding(() -> detail.myMode().get() == SupervisorMode.COACH
                || detail.myMode().get() == SupervisorMode.BARGE_IN, detail.myMode()));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private static Label chip(ParticipantDto p) {
        String role = switch (p.kind()) {
            case CUSTOMER -> "customer";
            case AGENT -> "agent";
            case SUPERVISOR -> InteractionRow.modeLabel(p.mode())
                    + (p.audio() == null ? "" : ", audio " + p.audio().name().toLowerCase());
        };
        Label chip = new Label(p.name() + " · " + role);
        chip.getStyleClass().add("participant-chip");
        chip.pseudoClassStateChanged(SUPERVISOR, p.kind() == Participant.Kind.SUPERVISOR);
        return chip;
    }

    void focusMessage() {
        message.requestFocus();
    }

}
