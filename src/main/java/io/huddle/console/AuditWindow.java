package io.huddle.console;

import io.huddle.domain.ActionType;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.Json;
import io.huddle.ui.Icons;
import io.huddle.ui.Theme;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The audit search window: filters, results, load more, CSV export. */
public final class AuditWindow {

    public AuditWindow(Stage stage, AuditViewModel vm) {
        TextField supervisor = field("audit-supervisor", "Supervisor id", vm.supervisor(),
                "Only the actions of this supervisor");
        TextField agent = field("audit-agent", "Agent id", vm.agent(), "Only the actions on this agent's interactions");
        TextField interaction = field("audit-interaction", "Interaction id", vm.interaction(),
                "Only the actions on this interaction");
        TextField help = field("audit-help-request", "Help request id", vm.helpRequest(),
                "Only the actions taken for this help request");
        ComboBox<ActionType> action = new ComboBox<>();
        action.setId("audit-action");
        action.setPromptText("Any action");
        action.setAccessibleText("Action");
        action.setTooltip(new Tooltip("Only this kind of action: Monitor, Coach, Barge In or Disconnect"));
        action.getItems().add(null);
        action.getItems().addAll(ActionType.values());
        action.valueProperty().bindBidirectional(vm.action());
        DatePicker from = new DatePicker();
        from.setId("audit-from");
        from.setPromptText("From (day)");
        from.valueProperty().bindBidirectional(vm.from());
        from.setAccessibleText("From day");
        from.setTooltip(new Tooltip("Only the actions from this day on"));
        DatePicker to = new DatePicker();
        to.setId("audit-to");
        to.setPromptText("To (day)");
        to.valueProperty().bindBidirectional(vm.to());
        to.setAccessibleText("To day");
        to.setTooltip(new Tooltip("Only the actions up to this day"));
        Button search = new Button("Search", Icons.of(Icons.AUDIT, 14));
        search.setId("audit-search");
        search.setDefaultButton(true);
        search.setTooltip(new Tooltip("Search the audit trail with these filters (Enter)"));
        search.getStyleClass().add("accent");
        search.disableProperty().bind(vm.search().executable().not());
        search.setOnAction(e -> vm.search().execute());
        FlowPane filters = new FlowPane(8, 8, supervisor, agent, interaction, help, action, from, to, search);

        TableView<ActionDto> table = new TableView<>(vm.results());
        table.setId("audit-results");
        table.setPlaceholder(new Label("No results yet."));
        table.setAccessibleText("Actions found");
        table.setAccessibleHelp("The supervisors' actions that match the filters, one a row");
        table.getColumns().addAll(List.of(
                col("Started", 190, a -> Json.format(a.startedAt())),
                col("Action", 100, a -> a.action().name()),
                col("Supervisor", 150, ActionDto::supervisorId),
                col("Agent", 150, ActionDto::agentId),
                col("Interaction", 200, ActionDto::interactionId),
                col("Help request", 200, a -> a.helpRequestId() == null ? "—" : a.helpRequestId()),
                col("Ended", 190, a -> a.endedAt() == null ? "running" : Json.format(a.endedAt()))));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("audit-summary");
        summary.textProperty().bind(vm.summary());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.error());
        Button more = new Button("Load more");
        more.setId("audit-more");
        more.setTooltip(new Tooltip("Show the next page of actions"));
        more.disableProperty().bind(vm.more().executable().not());
        more.setOnAction(e -> vm.more().execute());
        Button export = new Button("Export CSV…");
        export.setId("audit-export");
        export.disableProperty().bind(vm.export().executable().not());
        export.setTooltip(new Tooltip("Save all the actions that match the filters as a CSV file"));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export audit results");
            chooser.setInitialFileName("huddle-audit-" + Instant.now().toString().substring(0, 10) + ".csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                vm.exportTo(file.toPath());
            }
        });
        HBox bottom = new HBox(10, summary, more, export, error);
        VBox root = new VBox(10, filters, table, bottom);
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 1100, 640);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle("Huddle — audit search");
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value,
                                   String help) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(prompt);
        f.setTooltip(new Tooltip(help));
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static TableColumn<ActionDto, String> col(String title, double width, Function<ActionDto, String> v) {
        TableColumn<ActionDto, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new SimpleStringProperty(v.apply(f.getValue())));
        return c;
    }
}
