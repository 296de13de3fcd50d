package io.huddle.e2e;

import io.huddle.console.ConsoleApp;
import io.huddle.console.ConsoleViewModel;
import io.huddle.console.InteractionRow;
import io.huddle.console.TrayItem;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** One open supervisor console, with lookups scoped to its window. Reads happen on the FX thread. */
public record ConsoleUi(ConsoleApp app, Stage stage, FxRobot robot) {
    public static final List<String> CONTROLS = List.of("#control-monitor", "#control-coach", "#control-barge-in",
            "#control-disconnect");

    public Parent root() {
        return stage.getScene().getRoot();
    }

    public ConsoleViewModel vm() {
        return app.session().viewModel();
    }

    public <T extends Node> T node(String query) {
        return robot.from(root()).lookup(query).query();
    }

    public Optional<Node> find(String query) {
        return Fx.call(() -> robot.from(root()).lookup(query).tryQuery());
    }

    public Button button(String query) {
        return robot.from(root()).lookup(query).queryButton();
    }

    public String text(String query) {
        Labeled l = node(query);
        return Fx.call(l::getText);
    }

    public boolean enabled(String query) {
        Node n = node(query);
        return Fx.call(() -> !n.isDisabled());
    }

    /** Whether the node is in the window and it and all its parents are visible. */
    public boolean visible(String query) {
        return find(query).map(n -> Fx.call(() -> {
            for (Node at = n; at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return n.getScene() != null;
        })).orElse(false);
    }

    /** The ids of the requests in the tray, top first. */
    public List<String> trayIds() {
        return Fx.call(() -> vm().tray().items().stream().map(TrayItem::id).toList());
    }

    public String badge() {
        return text("#tray-badge");
    }

    public List<String> notices() {
        ListView<String> notices = node("#tray-notices");
        return Fx.call(() -> List.copyOf(notices.getItems()));
    }

    /** The ids of the interactions in the live list (all of them: no filter is set in these tests). */
    public List<String> rowIds() {
        return Fx.call(() -> vm().floor().visibleRows().stream().map(InteractionRow::id).sorted().toList());
    }

    public InteractionRow row(String interactionId) {
        return Fx.call(() -> vm().floor().row(interactionId));
    }

    /** Whether a cell of the live list shows exactly this text. */
    public boolean tableShows(String text) {
        return cell(text).isPresent();
    }

    /** The cell of the live list that shows exactly this text (an agent's name, a customer's), if any. */
    public Optional<Node> cell(String text) {
        Predicate<Node> cell = n -> n instanceof TableCell<?, ?> c && text.equals(c.getText()) && c.isVisible();
        return Fx.call(() -> robot.from((Node) node("#interactions")).lookup(cell).tryQuery());
    }

    /** How many help markers (the hand icon) the live list shows. */
    public int helpMarkers() {
        return Fx.call(() -> robot.from((Node) node("#interactions")).lookup(".help-marker").queryAll().size());
    }

    /** Brings the window to the front and gives it the keyboard. */
    public void focus() {
        Fx.run(() -> {
            stage.toFront();
            stage.requestFocus();
        });
    }
}
