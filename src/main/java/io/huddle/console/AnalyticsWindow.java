package io.huddle.console;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.ui.Icons;
import io.huddle.ui.Theme;
import java.io.File;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;

/** The analytics window: range and filters, headline figures, four charts; a bar or slice drills down. */
public final class AnalyticsWindow {
    private final AnalyticsViewModel vm;

    public AnalyticsWindow(Stage stage, AnalyticsViewModel vm) {
        this.vm = vm;
        DatePicker from = new DatePicker();
        from.setId("analytics-from");
        from.setPromptText("From (day)");
        from.setPrefWidth(140);
        from.valueProperty().bindBidirectional(vm.from());
        from.setAccessibleText("From day");
        from.setTooltip(new Tooltip("The first day of the figures"));
        DatePicker to = new DatePicker();
        to.setId("analytics-to");
        to.setPromptText("To (day)");
        to.setPrefWidth(140);
        to.valueProperty().bindBidirectional(vm.to());
        to.setAccessibleText("To day");
        to.setTooltip(new Tooltip("The last day of the figures"));
        CheckComboBox<String> channels = new CheckComboBox<>();
        channels.setId("analytics-channels");
        channels.setTitle("All channels");
        channels.setPrefWidth(170);
        channels.setAccessibleText("Channels");
        channels.setTooltip(new Tooltip("Count only the help requests on these channels (none checked: all)"));
        channels.getItems().setAll(Arrays.stream(Channel.values()).map(Enum::name).toList());
        channels.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            vm.channels().setAll(channels.getCheckModel().getCheckedItems());
            // the title while nothing is checked; else ControlsFX lists the checked items
            channels.setTitle(vm.channels().isEmpty() ? "All channels" : null);
            vm.reload();
        });
        CheckComboBox<String> reasons = new CheckComboBox<>();
        reasons.setId("analytics-reasons");
        reasons.setTitle("All reasons");
        reasons.setPrefWidth(200);
        reasons.setAccessibleText("Reasons");
        reasons.setTooltip(new Tooltip("Count only the help requests with these reasons (none checked: all)"));
        Bindings.bindContent(reasons.getItems(), vm.knownReasons());
        reasons.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            reasons.setTitle(reasons.getCheckModel().getCheckedItems().isEmpty() ? "All reasons" : null);
            if (!vm.reasons().equals(reasons.getCheckModel().getCheckedItems())) {
                vm.reasons().setAll(reasons.getCheckModel().getCheckedItems());
                vm.reload();
            }
        });
        vm.reasons().addListener((ListChangeListener<String>) c -> {
            if (!vm.reasons().equals(reasons.getCheckModel().getCheckedItems())) {
                reasons.getCheckModel().clearChecks();
                vm.reasons().forEach(r -> reasons.getCheckModel().check(r));
            }
        });
        Button today = new Button("Today");
        today.setId("analytics-today");
        today.setTooltip(new Tooltip("Show today's figures"));
        today.setOnAction(e -> {
            vm.today(LocalDate.now()); // a changed day loads on its own
        });
        Button refresh = new Button("Refresh", Icons.of(Icons.AUDIT, 14));
        refresh.setId("analytics-refresh");
        refresh.setDefaultButton(true);
        refresh.setTooltip(new Tooltip("Load the figures again (F5)"));
        refresh.getStyleClass().add("accent");
        refresh.setOnAction(e -> vm.reload());
        Button export = new Button("Export CSV…");
        export.setId("analytics-export");
        export.disableProperty().bind(vm.export().executable().not());
        export.setTooltip(new Tooltip("Save the help-request figures per hour as a CSV file"));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export help-request figures per hour");
            chooser.setInitialFileName("huddle-help-requests-" + LocalDate.now() + ".csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                vm.exportTo(file.toPath());
            }
        });
        FlowPane filters = new FlowPane(8, 8, label("From"), from, label("to"), to, today, channels, reasons,
                refresh, export);

        HBox headline = new HBox(10);
        headline.setId("analytics-headline");
        vm.headline().addListener((ListChangeListener<String>) c -> headline.getChildren().setAll(
                vm.headline().stream().map(AnalyticsWindow::tile).toList()));

        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        charts.add(requestsChart(), 0, 0);
        charts.add(acceptChart(), 1, 0);
        charts.add(supervisorChart(), 0, 1);
        charts.add(reasonChart(), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(50);
            charts.getColumnConstraints().add(col);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            charts.getRowConstraints().add(row);
        }
        VBox.setVgrow(charts, Priority.ALWAYS);

        Label status = new Label();
        status.setId("analytics-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.status());
        Label error = new Label();
        error.setId("analytics-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.error());
        Label hint = new Label("Click a bar to open its actions in the audit search; a slice to filter by its reason.");
        hint.getStyleClass().add("muted");
        VBox root = new VBox(10, filters, headline, charts, new HBox(16, status, hint, error));
        root.setId("analytics-root");
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 1240, 820);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> vm.reload());
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle("Huddle — analytics");
    }

    private StackedBarChart<String, Number> requestsChart() {
        StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), axis("Requests"));
        chart.setId("analytics-requests");
        chart.setTitle("Help requests per hour, by outcome");
        chart.setAnimated(false);
        chart.setCategoryGap(4);
        vm.hours().addListener((ListChangeListener<AnalyticsViewModel.HourRow>) c -> {
            XYChart.Series<String, Number> closed = series("Closed");
            XYChart.Series<String, Number> cancelled = series("Cancelled");
            XYChart.Series<String, Number> open = series("Still open");
            for (AnalyticsViewModel.HourRow h : vm.hours()) {
                Runnable drill = () -> vm.drillHour(h.hour());
                String tip = h.label() + ": " + h.closed() + " closed, " + h.cancelled() + " cancelled, " + h.open()
                        + " open";
                closed.getData().add(point(h.label(), h.closed(), tip, drill));
                cancelled.getData().add(point(h.label(), h.cancelled(), tip, drill));
                open.getData().add(point(h.label(), h.open(), tip, drill));
            }
            chart.getData().setAll(List.of(closed, cancelled, open));
        });
        return chart;
    }

    private LineChart<String, Number> acceptChart() {
        LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), axis("Seconds"));
        chart.setId("analytics-accept");
        chart.setTitle("Time to accept per hour, against the service level");
        chart.setAnimated(false);
        vm.hours().addListener((ListChangeListener<AnalyticsViewModel.HourRow>) c -> {
            XYChart.Series<String, Number> p50 = series("p50");
            XYChart.Series<String, Number> p90 = series("p90");
            Double level = vm.serviceLevelSeconds().get();
            XYChart.Series<String, Number> sl = series("Service level (" + (level == null ? "—"
                    : Math.round(level) + " s") + ")");
            for (AnalyticsViewModel.HourRow h : vm.hours()) {
                Runnable drill = () -> vm.drillHour(h.hour());
                if (h.p50Seconds() != null) {
                    p50.getData().add(point(h.label(), h.p50Seconds(), h.label() + ": p50 " + Math.round(h.p50Seconds())
                            + " s", drill));
                    p90.getData().add(point(h.label(), h.p90Seconds(), h.label() + ": p90 "
                            + Math.round(h.p90Seconds()) + " s", drill));
                }
                if (level != null) {
                    sl.getData().add(new XYChart.Data<>(h.label(), level));
                }
            }
            chart.getData().setAll(List.of(p50, p90, sl));
            sl.getNode().getStyleClass().add("service-level-line");
            sl.getData().forEach(d -> d.getNode().setVisible(false));
        });
        return chart;
    }

    private StackedBarChart<String, Number> supervisorChart() {
        StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), axis("Minutes"));
        chart.setId("analytics-supervisors");
        chart.setTitle("Intervention minutes per supervisor, by mode");
        chart.setAnimated(false);
        vm.supervisors().addListener((ListChangeListener<AnalyticsViewModel.SupervisorRow>) c -> {
            XYChart.Series<String, Number> monitor = series("Monitor");
            XYChart.Series<String, Number> coach = series("Coach");
            XYChart.Series<String, Number> barge = series("Barge In");
            for (AnalyticsViewModel.SupervisorRow s : vm.supervisors()) {
                monitor.getData().add(point(s.label(), s.monitorMinutes(), s.label() + ": " + minutes(s.monitorMinutes())
                        + " monitoring", () -> vm.drillSupervisor(s.supervisorId(), ActionType.MONITOR)));
                coach.getData().add(point(s.label(), s.coachMinutes(), s.label() + ": " + minutes(s.coachMinutes())
                        + " coaching", () -> vm.drillSupervisor(s.supervisorId(), ActionType.COACH)));
                barge.getData().add(point(s.label(), s.bargeInMinutes(), s.label() + ": "
                        + minutes(s.bargeInMinutes()) + " barged in", () -> vm.drillSupervisor(s.supervisorId(),
                        ActionType.BARGE_IN)));
            }
            chart.getData().setAll(List.of(monitor, coach, barge));
        });
        return chart;
    }

    private PieChart reasonChart() {
        PieChart chart = new PieChart();
        chart.setId("analytics-reasons-chart");
        chart.setTitle("Reason mix");
        chart.setAnimated(false);
        chart.setLabelsVisible(true);
        vm.reasonMix().addListener((ListChangeListener<AnalyticsViewModel.ReasonRow>) c -> {
            chart.getData().setAll(vm.reasonMix().stream()
                    .map(r -> new PieChart.Data(r.reason() + " (" + r.requests() + ")", r.requests())).toList());
            for (int i = 0; i < chart.getData().size(); i++) {
                String reason = vm.reasonMix().get(i).reason();
                Node slice = chart.getData().get(i).getNode();
                slice.setAccessibleText(chart.getData().get(i).getName());
                slice.setAccessibleHelp("Click to show only this reason (again for all)");
                Tooltip.install(slice, new Tooltip(reason + ": click to show only this reason (again for all)"));
                drillable(slice, () -> vm.drillReason(reason));
            }
        });
        return chart;
    }

    private static XYChart.Series<String, Number> series(String name) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** A data point whose node (made when the chart shows it) drills down on a click. */
    private static XYChart.Data<String, Number> point(String x, Number y, String tip, Runnable drill) {
        XYChart.Data<String, Number> d = new XYChart.Data<>(x, y);
        Consumer<Node> wire = node -> {
            Tooltip.install(node, new Tooltip(tip + " · click for the audit search"));
            // the chart names the bar or point by its values; what a click does is ours to say
            node.setAccessibleHelp(tip + "; click to open these actions in the audit search");
            drillable(node, drill);
        };
        d.nodeProperty().addListener((o, a, node) -> {
            if (node != null) {
                wire.accept(node);
            }
        });
        return d;
    }

    /**
     * Makes a bar, point or slice drill down on a click. Marked by a pseudo-class, not a style class: the charts set
     * their nodes' style classes anew as data changes. (Tab does not reach chart data unless a screen reader runs,
     * as JavaFX decides; the same figures are in the CSV export and the audit search.)
     */
    static void drillable(Node node, Runnable drill) {
        node.pseudoClassStateChanged(DRILL, true);
        node.setOnMouseClicked(e -> drill.run());
    }

    private static final javafx.css.PseudoClass DRILL = javafx.css.PseudoClass.getPseudoClass("drill");

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setForceZeroInRange(true);
        return axis;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static String minutes(double m) {
        return Math.round(m) + " min";
    }

    private static Node tile(String figure) {
        String[] parts = figure.split("\\|", 2);
        Label value = new Label(parts[0]);
        value.getStyleClass().add("figure-value");
        Label caption = new Label(parts[1]);
        caption.getStyleClass().add("figure-caption");
        // a figure is never cut short: the tiles share the row equally but never below their text
        value.setMinWidth(Region.USE_PREF_SIZE);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, value, caption);
        box.getStyleClass().add("figure-tile");
        box.setPrefWidth(0);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
