package io.huddle.e2e;

import io.huddle.agent.AgentSession;
import io.huddle.agent.AgentViewModel;
import io.huddle.protocol.ParticipantDto;
import io.huddle.protocol.TranscriptLineDto;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** One open agent mini-window (or, with a null stage, an agent session without a window). */
public record AgentUi(AgentSession session, Stage stage, FxRobot robot) {

    public AgentViewModel vm() {
        return session.viewModel();
    }

    public Parent root() {
        return stage.getScene().getRoot();
    }

    public <T extends Node> T node(String query) {
        return robot.from(root()).lookup(query).query();
    }

    public String text(String query) {
        Labeled l = node(query);
        return Fx.call(l::getText);
    }

    public String status() {
        return text("#agent-status");
    }

    public String helpButtonText() {
        return text("#agent-help-button");
    }

    public boolean helpButtonEnabled() {
        Node b = node("#agent-help-button");
        return Fx.call(() -> !b.isDisabled());
    }

    /** What the window's "From your supervisor" list shows, one string per line. */
    public List<String> supervisorLines() {
        ListView<TranscriptLineDto> lines = node("#agent-supervisor-lines");
        return Fx.call(() -> lines.getItems().stream().map(l -> l.authorName() + ": " + l.text()).toList());
    }

    /** Everyone the agent's view model shows on its interactions. */
    public List<ParticipantDto> participants() {
        return Fx.call(() -> vm().interactions().stream().flatMap(i -> i.participants().stream()).toList());
    }

    /** A dialog of this window (confirmation {@code agent-confirm} or alert {@code agent-alert}), if showing. */
    public Optional<DialogPane> dialog(String id) {
        return Fx.call(() -> robot.lookup("#" + id).tryQuery().map(DialogPane.class::cast)
                .filter(p -> p.getScene() != null && p.getScene().getWindow().isShowing()));
    }

    /** The button of a showing dialog with this text. */
    public Button dialogButton(String id, String text) {
        DialogPane pane = dialog(id).orElseThrow(() -> new AssertionError("no dialog " + id + " is showing"));
        Predicate<Node> withText = n -> n instanceof Button b && text.equals(b.getText());
        return Fx.call(() -> (Button) robot.from(pane).lookup(withText).query());
    }

    /** Clicks the one help button (Request help / Cancel request / Close help request). */
    public void clickHelp() {
        robot.clickOn((Node) node("#agent-help-button"));
    }

    /** The id of the open help request of the selected interaction, or null. */
    public String requestId() {
        return Fx.call(() -> vm().request().get() == null ? null : vm().request().get().id());
    }

    /** Every text the window shows (labels, buttons, list cells), for "shows nothing about X" checks. */
    public List<String> allTexts() {
        Predicate<Node> labeled = n -> n instanceof Labeled l && l.getText() != null && n.isVisible();
        return Fx.call(() -> robot.from(root()).lookup(labeled).queryAll().stream()
                .map(n -> ((Labeled) n).getText()).toList());
    }

    public void focus() {
        Fx.run(() -> {
            stage.toFront();
            stage.requestFocus();
        });
    }
}
