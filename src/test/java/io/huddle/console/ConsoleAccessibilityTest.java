package io.huddle.console;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.SignedIn;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.gateway.analytics.AnalyticsFixture;
import io.huddle.testing.AccessibilityAudit;
import io.huddle.testing.FocusWalk;
import io.huddle.ui.Theme;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every interactive node of the console's windows, in each state that shows new ones, has a name and help text
 * for a screen reader; the keyboard's focus goes through the console in the order of its layout and is always in
 * view and drawn.
 */
class ConsoleAccessibilityTest extends ConsoleUiTest {
    private final SoftAssertions soft = new SoftAssertions();

    @AfterEach
    void allStatesPass() {
        soft.assertAll();
    }

    @Test
    void everyControlOfTheConsoleIsNamedAndExplainedInEachState() {
        Interaction chat = fx.interaction("agent2", Channel.CHAT, "Maria Silva", "Billing", Duration.ofMinutes(3));
        fx.interaction("agent1", Channel.VOICE, "Noah Schmidt", "Sales", Duration.ofMinutes(1));
        ConsoleUi console = fx.openConsole("supervisor1");
        HelpRequest hr = fx.raiseHelp("agent2", chat.id(), "Billing dispute", "customer wants a refund");
        eventually(() -> assertThat(console.find("#confirm-" + hr.id())).isPresent());
        eventually(() -> assertThat(console.rowIds()).hasSize(2));
        assertNoOffenders("a live floor with a help request in the tray", console.stage());

        // the tray card says who asks, about what, for how long and on what; the time goes on as it is shown
        String card = cardText(console);
        assertThat(card).startsWith("Help request from Agent Two: Billing dispute, waiting ")
                .contains("on Chat with Maria Silva, Billing").endsWith("“customer wants a refund”");
        eventually(() -> assertThat(cardText(console)).isNotEqualTo(card)
                .startsWith("Help request from Agent Two: Billing dispute, waiting "));

        robot.clickOn((Node) console.node("#confirm-" + hr.id()));
        eventually(() -> assertThat(console.enabled("#control-coach")).isTrue());
        Fx.run(() -> console.vm().detail().coachCommand().execute());
        eventually(() -> assertThat(console.visible("#message-field")).isTrue());
        assertNoOffenders("the detail pane open, coaching", console.stage());

        console.focus();
        Fx.run(() -> console.<MenuButton>node("#presence").show());
        eventually(() -> assertThat(Fx.call(() -> console.<MenuButton>node("#presence").isShowing())).isTrue());
        assertNoOffenders("the presence and notification settings", console.stage());
        Fx.run(() -> console.<MenuButton>node("#presence").hide());

        Fx.run(() -> console.node("#help-overlay").setVisible(true));
        assertNoOffenders("the keyboard help", console.stage());
    }

    @Test
    void theAnalyticsAndAuditWindowsAreNamedAndExplained() {
        AnalyticsFixture.load(fx.gateway().server().store());
        SignedIn supervisor = fx.signIn("supervisor1");
        Stage analytics = Fx.call(() -> {
            Stage s = new Stage();
            AnalyticsApp.open(s, supervisor, preset -> { });
            return s;
        });
        Stage audit = Fx.call(() -> {
            Stage s = new Stage();
            AuditApp.open(s, supervisor);
            return s;
        });
        try {
            LocalDate day = AnalyticsFixture.H0.atZone(ZoneId.systemDefault()).toLocalDate();
            Fx.run(() -> {
                ((DatePicker) analytics.getScene().lookup("#analytics-from")).setValue(day);
                ((DatePicker) analytics.getScene().lookup("#analytics-to")).setValue(day);
                robot.lookup("#analytics-refresh").queryButton().fire();
            });
            eventually(() -> assertThat(Fx.call(() -> ((PieChart) analytics.getScene()
                    .lookup("#analytics-reasons-chart")).getData().size()).intValue()).isGreaterThan(1));
            assertNoOffenders("the analytics window with figures", analytics);
            assertNoOffenders("the audit search", audit);

            Fx.run(analytics::toFront);
            FocusWalk walk = FocusWalk.tab(robot, analytics, 40);
            assertThat(walk.problems()).as(walk.report()).isEmpty();
            assertThat(walk.stops()).as(walk.report()).hasSizeGreaterThanOrEqualTo(7);

            Fx.run(audit::toFront);
            FocusWalk auditWalk = FocusWalk.tab(robot, audit, 40);
            assertThat(auditWalk.problems()).as(auditWalk.report()).isEmpty();
            assertThat(auditWalk.stops()).extracting(s -> s.node().getId()).as(auditWalk.report())
                    .containsSubsequence("audit-supervisor", "audit-to", "audit-results");
        } finally {
            Fx.run(() -> {
                analytics.hide();
                audit.hide();
            });
        }
    }

    @Test
    void theFocusGoesThroughTheConsoleInTheOrderOfItsLayoutAndIsAlwaysShown() {
        List<HelpRequest> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Interaction ix = fx.interaction(i % 2 == 0 ? "agent1" : "agent2", Channel.CHAT);
            if (i < 7) {
                requests.add(fx.raiseHelp(i % 2 == 0 ? "agent1" : "agent2", ix.id(), "Policy question",
                        "a comment long enough to wrap over two lines of the card in the tray"));
            }
        }
        ConsoleUi console = fx.openConsole("supervisor1");
        eventually(() -> assertThat(console.trayIds()).hasSize(requests.size()));
        console.focus();

        BorderPane root = (BorderPane) console.root();
        Node[] regions = Fx.call(() -> new Node[] {root.getTop(), console.node("#tray"),
                console.node("#interactions"), console.node("#detail"), root.getBottom()});
        FocusWalk walk = FocusWalk.tab(robot, console.stage(), 40, regions);
        assertThat(walk.problems()).as(walk.report()).isEmpty();
        assertThat(walk.stops()).extracting(s -> s.node().getId()).as(walk.report())
                .containsSubsequence("presence", "search", "tray-list", "interactions");
        // the dark look draws the focus too
        Fx.run(() -> Theme.apply(true));
        try {
            FocusWalk dark = FocusWalk.tab(robot, console.stage(), 40, regions);
            assertThat(dark.problems()).as(dark.report()).isEmpty();
        } finally {
            Fx.run(() -> Theme.apply(false));
        }

        // down the tray, more cards than it has room for: the card the keyboard is on is always scrolled into view
        robot.push(KeyCode.CONTROL, KeyCode.T);
        for (int i = 1; i < requests.size(); i++) {
            robot.push(KeyCode.DOWN);
            int row = i;
            assertThat(Fx.call(() -> console.<ListView<?>>node("#tray-list").getFocusModel().getFocusedIndex()))
                    .isEqualTo(row);
            assertThat(Fx.call(() -> FocusWalk.focusOwnerShown(console.stage().getScene())))
                    .as("the tray's row %d", row).isEmpty();
            assertThat(Fx.call(() -> cardEdge(console, row))).as("the focused card's edge")
                    .isNotEqualTo(Fx.call(() -> cardEdge(console, row - 1)));
        }
    }

    /** The colour of the left edge of the tray's card in this row. */
    private static Object cardEdge(ConsoleUi console, int row) {
        return console.<ListView<?>>node("#tray-list").lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == row && c.isVisible())
                .map(n -> (javafx.scene.layout.Region) ((javafx.scene.control.ListCell<?>) n).getGraphic())
                .findFirst().orElseThrow().getBorder().getStrokes().get(0).getLeftStroke();
    }

    private static String cardText(ConsoleUi console) {
        return Fx.call(() -> console.root().lookupAll(".list-cell").stream()
                .filter(n -> n.getAccessibleText() != null && n.getAccessibleText().startsWith("Help request from"))
                .findFirst().map(Node::getAccessibleText).orElse(null));
    }

    /** Every state is walked; the test fails at its end with the offenders of all of them. */
    private void assertNoOffenders(String state, Window window) {
        List<AccessibilityAudit.Offender> offenders = Fx.call(() -> AccessibilityAudit.of(window));
        soft.assertThat(offenders).as("%s: %s", state, AccessibilityAudit.report(offenders)).isEmpty();
    }
}
