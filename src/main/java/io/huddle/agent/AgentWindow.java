package io.huddle.agent;

import io.huddle.domain.TranscriptLine;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.settings.UserSettings;
import io.huddle.ui.FollowingList;
import io.huddle.ui.Icons;
import io.huddle.ui.LogFolderLink;
import io.huddle.ui.Theme;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The agent mini-window: one button for help, its status, and what the supervisor says. */
public final class AgentWindow {
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass IN_PROGRESS = PseudoClass.getPseudoClass("in-progress");

    private final Stage stage;
    private final AgentViewModel vm;
    private UserSettings settings;

    public AgentWindow(Stage stage, AgentViewModel vm, String agentName, UserSettings settings,
                       Consumer<UserSettings> onSettings) {
        this.stage = stage;
        this.vm = vm;
        this.settings = settings;
        Label title = new Label("Huddle · " + agentName);
        title.getStyleClass().add("detail-title");

        ComboBox<InteractionDto> interaction = new ComboBox<>(vm.interactions());
        interaction.setId("agent-interaction");
        interaction.setAccessibleText("Current interaction");
        interaction.setTooltip(new Tooltip("The interaction your help request is about"));
        interaction.setMaxWidth(Double.MAX_VALUE);
        interaction.valueProperty().bindBidirectional(vm.selected());
        interaction.setCellFactory(v -> new InteractionCell(vm));
        interaction.setButtonCell(new InteractionCell(vm));
        interaction.setPromptText("No active interaction");

        Label status = new Label();
        status.setId("agent-status");
        status.getStyleClass().add("agent-status");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true); // what happens to the request is a sentence: all of it shows
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.status());
        vm.helpAction().addListener((o, a, h) -> {
            status.pseudoClassStateChanged(PENDING, h == AgentViewModel.HelpAction.CANCEL);
            status.pseudoClassStateChanged(IN_PROGRESS, h == AgentViewModel.HelpAction.CLOSE);
        });

        ComboBox<String> reason = new ComboBox<>(vm.reasons());
        reason.setId("agent-reason");
        reason.setAccessibleText("Reason for help");
        reason.setTooltip(new Tooltip("Why you need help: the supervisor reads it first"));
        reason.setMaxWidth(Double.MAX_VALUE);
        reason.valueProperty().bindBidirectional(vm.reason());
        TextField comment = new TextField();
        comment.setId("agent-comment");
        comment.setPromptText("Comment for the supervisor (optional)");
        comment.setAccessibleText("Comment");
        comment.setTooltip(new Tooltip("A few words for the supervisor (optional)"));
        comment.textProperty().bindBidirectional(vm.comment());
        VBox form = new VBox(6, reason, comment);
        form.managedProperty().bind(vm.helpAction().isEqualTo(AgentViewModel.HelpAction.REQUEST));
        form.visibleProperty().bind(form.managedProperty());

        Button help = new Button();
        help.setId("agent-help-button");
        help.setMaxWidth(Double.MAX_VALUE);
        help.setGraphic(Icons.of(Icons.HELP, 16));
        help.getStyleClass().add("accent");
        help.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.helpAction().get()) {
            case REQUEST -> "Request help (Ctrl+H)";
            case CANCEL -> "Cancel request (Ctrl+H)";
            case CLOSE -> "Close help request (Ctrl+H)";
            case NONE -> "Request help";
        }, vm.helpAction()));
        help.disableProperty().bind(Bindings.createBooleanBinding(() -> !switch (vm.helpAction().get()) {
            case REQUEST -> vm.requestCommand().executable().get();
            case CANCEL -> vm.cancelCommand().executable().get();
            case CLOSE -> vm.closeCommand().executable().get();
            case NONE -> false;
        }, vm.helpAction(), vm.requestCommand().executable(), vm.cancelCommand().executable(),
                vm.closeCommand().executable()));
        help.setOnAction(e -> pressHelp());
        Tooltip helpTip = new Tooltip();
        helpTip.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.helpAction().get()) {
            case REQUEST -> "Ask a supervisor to help you on this interaction";
            case CANCEL -> "You no longer need help: withdraw your request";
            case CLOSE -> "The supervisor's help is done: close the request";
            case NONE -> "Help can be asked on an active interaction";
        }, vm.helpAction()));
        help.setTooltip(helpTip);

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.managedProperty().bind(error.textProperty().isNotEmpty()); // no gap under the button when all is well
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(Bindings.createStringBinding(() -> vm.commands().stream()
                .map(c -> c.error().get()).filter(s -> s != null && !s.isEmpty()).findFirst().orElse(""),
                vm.requestCommand().error(), vm.cancelCommand().error(), vm.closeCommand().error()));

        Label supTitle = new Label("From your supervisor");
        supTitle.getStyleClass().add("muted");
        ListView<TranscriptLineDto> lines = new FollowingList<>(vm.supervisorLines());
        lines.setId("agent-supervisor-lines");
        supTitle.setLabelFor(lines);
        lines.setAccessibleHelp("Your supervisor's whispers and messages on this interaction, the newest last");
        lines.setPlaceholder(new Label("Coaching messages show here."));
        lines.getStyleClass().add("supervisor-lines");
        lines.setCellFactory(v -> new SupervisorLineCell(v));
        VBox.setVgrow(lines, Priority.ALWAYS);

        CheckBox onTop = new CheckBox("Always on top");
        onTop.setId("agent-on-top");
        onTop.setSelected(settings.agentAlwaysOnTop());
        onTop.setTooltip(new Tooltip("Keep this window over your other windows"));
        stage.setAlwaysOnTop(settings.agentAlwaysOnTop());
        onTop.selectedProperty().addListener((o, a, b) -> {
            stage.setAlwaysOnTop(b);
            this.settings = this.settings.withAgentAlwaysOnTop(b);
            onSettings.accept(current());
        });

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(8, onTop, gap, new LogFolderLink());
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(8, title, interaction, status, form, help, error, supTitle, lines, bottom);
        root.getStyleClass().add("agent-window");
        Scene scene = new Scene(root, 380, 520);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), this::pressHelp);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle("Huddle — " + agentName);
        UserSettings.WindowPlace p = settings.windows().get("agent");
        if (p != null) {
            stage.setX(p.x());
            stage.setY(p.y());
            stage.setWidth(p.width());
            stage.setHeight(p.height());
        }
        vm.alert().addListener((o, a, text) -> {
            if (text != null) {
                Alert done = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
                done.setHeaderText(null);
                done.setTitle("Huddle");
                done.initOwner(stage);
                done.getDialogPane().setId("agent-alert");
                ((Button) done.getDialogPane().lookupButton(ButtonType.OK)).setTooltip(new Tooltip("Close this message"));
                done.show();
                done.setOnHidden(e -> vm.dismissAlert());
            }
        });
        Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> vm.tick(Instant.now())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> ticker.stop());
    }

    /** Request, or cancel/close after a confirmation. */
    void pressHelp() {
        switch (vm.helpAction().get()) {
            case REQUEST -> vm.requestCommand().execute();
            case CANCEL -> {
                if (confirm("Cancel your help request?", "The supervisor will be told you no longer need help.",
                        "Cancel request")) {
                    vm.cancelCommand().execute();
                }
            }
            case CLOSE -> {
                if (confirm("Close the help request?", "The supervisor's help on this interaction ends.",
                        "Close request")) {
                    vm.closeCommand().execute();
                }
            }
            case NONE -> { }
        }
    }

    private boolean confirm(String header, String text, String yes) {
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep it", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ok, keep);
        a.setHeaderText(header);
        a.setTitle("Huddle");
        a.initOwner(stage);
        a.getDialogPane().setId("agent-confirm");
        ((Button) a.getDialogPane().lookupButton(ok)).setTooltip(new Tooltip(text));
        ((Button) a.getDialogPane().lookupButton(keep)).setTooltip(new Tooltip("Nothing changes"));
        Optional<ButtonType> answer = a.showAndWait();
        return answer.isPresent() && answer.get() == ok;
    }

    /** The settings with this window's current place. */
    public UserSettings current() {
        return settings.withWindow("agent", new UserSettings.WindowPlace(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), false));
    }

    public Stage stage() {
        return stage;
    }

    /** "Voice · Noah Schmidt · 3:12", the duration moving on with the view model's clock (no timer of its own). */
    private static final class InteractionCell extends ListCell<InteractionDto> {
        private final AgentViewModel vm;
        private final ChangeListener<Instant> tick = (o, a, b) -> retick();

        InteractionCell(AgentViewModel vm) {
            this.vm = vm;
            vm.now().addListener(new WeakChangeListener<>(tick)); // a cell the picker drops is not kept alive
        }

        private void retick() {
            if (!isEmpty() && getItem() != null) {
                setText(vm.label(getItem()));
            }
        }

        @Override
        protected void updateItem(InteractionDto i, boolean empty) {
            super.updateItem(i, empty);
            setText(empty || i == null ? null : vm.label(i));
        }
    }

    /** One line from the supervisor: who (and who else sees it) over what was said, a rule between lines. */
    private static final class SupervisorLineCell extends ListCell<TranscriptLineDto> {
        private static final PseudoClass SYSTEM = PseudoClass.getPseudoClass("system");
        private static final PseudoClass WHISPER = PseudoClass.getPseudoClass("whisper");

        private final Label from = new Label();
        private final Label text = new Label();
        private final VBox box = new VBox(2, from, text);

        SupervisorLineCell(ListView<TranscriptLineDto> list) {
            // as wide as the list, and the text wraps at that width: a whisper is read, not scrolled to
            setPrefWidth(0);
            from.getStyleClass().add("line-from");
            from.managedProperty().bind(from.textProperty().isNotNull());
            from.visibleProperty().bind(from.managedProperty());
            text.getStyleClass().add("line-text");
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.prefWidthProperty().bind(list.widthProperty().subtract(40));
        }

        @Override
        protected void updateItem(TranscriptLineDto l, boolean empty) {
            super.updateItem(l, empty);
            setText(null);
            pseudoClassStateChanged(SYSTEM, !empty && l != null && l.from() == TranscriptLine.Speaker.SYSTEM);
            pseudoClassStateChanged(WHISPER, !empty && l != null && l.audience() == TranscriptLine.Audience.AGENT
                    && l.from() != TranscriptLine.Speaker.SYSTEM);
            if (empty || l == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            String who = AgentViewModel.lineFrom(l);
            from.setText(who);
            text.setText(l.text());
            setAccessibleText(who == null ? l.text() : who + ": " + l.text());
            setGraphic(box); // in a box, so the cell's height is measured at the label's width
        }
    }
}
