package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.SignedIn;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.gateway.analytics.AnalyticsFixture;
import io.huddle.protocol.ActionDto;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * The analytics window against a real gateway holding {@link AnalyticsFixture}: it opens by its shortcut, shows the
 * fixture's figures, and a click on a bar opens the audit search of just what the bar counts.
 */
class AnalyticsWindowTest extends ConsoleUiTest {

    @Test
    void theWindowShowsTheFixtureAndABarDrillsIntoTheAuditSearch() {
        AnalyticsFixture.load(fx.gateway().server().store());
        SignedIn supervisor = fx.signIn("supervisor1");
        List<Stage> audits = new CopyOnWriteArrayList<>();
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            AnalyticsApp.open(s, supervisor, preset -> {
                Stage a = new Stage();
                audits.add(a);
                AuditApp.open(a, supervisor, preset);
            });
            return s;
        });
        try {
            LocalDate day = AnalyticsFixture.H0.atZone(ZoneId.systemDefault()).toLocalDate();
            Fx.run(() -> {
                DatePickerValues.set(stage, day);
                robot.lookup("#analytics-refresh").queryButton().fire();
            });
            eventually(() -> assertThat(headline(stage)).contains("6 help requests", "50 % cancelled",
                    "40 s / 90 s to accept p50 / p90", "40 % within 60 s", "3 waited over 60 s",
                    "2 still open", "50 % had a supervisor"));

            StackedBarChart<?, ?> requests = (StackedBarChart<?, ?>) stage.getScene().lookup("#analytics-requests");
            assertThat(Fx.call(() -> requests.getData().get(0).getData().size())).isEqualTo(2); // two hours
            Node firstHour = Fx.call(() -> requests.getData().get(0).getData().get(0).getNode());
            robot.clickOn(firstHour);
            eventually(() -> assertThat(audits).hasSize(1));
            eventually(() -> assertThat(auditIds(audits.get(0))).containsExactly("a1", "a2", "a3"));

            Fx.run(() -> {
                audits.get(0).hide(); // it opened over the charts
                stage.toFront();
            });
            StackedBarChart<?, ?> sups = (StackedBarChart<?, ?>) stage.getScene().lookup("#analytics-supervisors");
            XYChart.Data<?, ?> supervisorOneMonitor = Fx.call(() -> sups.getData().get(0).getData().stream()
                    .filter(d -> d.getXValue().equals("Supervisor One")).findFirst().orElseThrow());
            robot.clickOn(Fx.call(supervisorOneMonitor::getNode));
            eventually(() -> assertThat(audits).hasSize(2));
            eventually(() -> assertThat(auditIds(audits.get(1))).containsExactly("a1", "a5"));

            Fx.run(() -> {
                audits.get(1).hide();
                stage.toFront();
            });
            PieChart reasons = (PieChart) stage.getScene().lookup("#analytics-reasons-chart");
            Node technical = Fx.call(() -> reasons.getData().stream().filter(d -> d.getName().startsWith("Technical"))
                    .findFirst().orElseThrow().getNode());
            robot.clickOn(technical);
            eventually(() -> assertThat(headline(stage)).contains("2 help requests", "100 % cancelled"));
        } finally {
            Fx.run(() -> {
                audits.forEach(Stage::hide);
                stage.hide();
            });
        }
    }

    @Test
    void barsStayMarkedAsDrillableAfterARefresh() {
        AnalyticsFixture.load(fx.gateway().server().store());
        SignedIn supervisor = fx.signIn("supervisor1");
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            AnalyticsApp.open(s, supervisor, preset -> { });
            return s;
        });
        try {
            LocalDate day = AnalyticsFixture.H0.atZone(ZoneId.systemDefault()).toLocalDate();
            Fx.run(() -> DatePickerValues.set(stage, day));
            eventually(() -> assertThat(headline(stage)).contains("6 help requests"));
            Fx.run(() -> robot.lookup("#analytics-refresh").queryButton().fire()); // the same figures again
            StackedBarChart<?, ?> requests = (StackedBarChart<?, ?>) stage.getScene().lookup("#analytics-requests");
            eventually(() -> assertThat(Fx.call(() -> requests.getData().stream()
                    .flatMap(series -> series.getData().stream())
                    .allMatch(d -> d.getNode() != null && d.getNode().getPseudoClassStates().stream()
                            .anyMatch(p -> p.getPseudoClassName().equals("drill"))))).isTrue());
        } finally {
            Fx.run(stage::hide);
        }
    }

    @Test
    void theShortcutAndTheHeaderButtonOpenTheWindow() {
        var console = fx.openConsole("supervisor1");
        console.focus();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        eventually(() -> assertThat(analyticsWindow()).isPresent());
        Fx.run(() -> analyticsWindow().orElseThrow().hide());
        eventually(() -> assertThat(analyticsWindow()).isEmpty());
        Fx.run(() -> robot.lookup("#analytics-button").queryButton().fire());
        eventually(() -> assertThat(analyticsWindow()).isPresent());
        Fx.run(() -> analyticsWindow().orElseThrow().hide());
    }

    private static Optional<Stage> analyticsWindow() {
        return Fx.call(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                        && "Huddle — analytics".equals(s.getTitle()) && s.isShowing())
                .map(w -> (Stage) w).findFirst());
    }

    private static List<String> headline(Stage stage) {
        return Fx.call(() -> ((HBox) stage.getScene().lookup("#analytics-headline")).getChildren().stream()
                .map(tile -> ((javafx.scene.layout.VBox) tile).getChildren().stream()
                        .map(n -> ((Label) n).getText()).reduce((a, b) -> a + " " + b).orElse(""))
                .toList());
    }

    @SuppressWarnings("unchecked")
    private static List<String> auditIds(Stage audit) {
        return Fx.call(() -> ((TableView<ActionDto>) audit.getScene().lookup("#audit-results")).getItems().stream()
                .map(ActionDto::id).toList());
    }

    /** Sets both dates of the window's range. */
    private static final class DatePickerValues {
        static void set(Stage stage, LocalDate day) {
            ((javafx.scene.control.DatePicker) stage.getScene().lookup("#analytics-from")).setValue(day);
            ((javafx.scene.control.DatePicker) stage.getScene().lookup("#analytics-to")).setValue(day);
        }
    }
}
