package io.huddle.console;

import io.huddle.ui.LogFolderLink;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts and the way to the log folder, over the window; Esc or F1 closes it. */
final class HelpOverlay extends StackPane {
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Ctrl+Enter", "Confirm the selected help request (or the one waiting longest)"},
            new String[] {"Ctrl+T", "Go to the help-request tray"},
            new String[] {"Ctrl+F", "Search interactions"},
            new String[] {"Ctrl+L", "Go to the interaction list"},
            new String[] {"F6", "Monitor (silent)"},
            new String[] {"F7", "Coach (whisper to the agent)"},
            new String[] {"F8", "Barge In"},
            new String[] {"F9", "Disconnect"},
            new String[] {"Ctrl+M", "Write a message (while coaching or barged in)"},
            new String[] {"Ctrl+Shift+A", "Audit search"},
            new String[] {"Ctrl+Shift+R", "Analytics (help requests and interventions)"},
            new String[] {"Ctrl+Shift+L", "Light or dark theme"},
            new String[] {"F1", "Show or hide this help"});

    HelpOverlay() {
        getStyleClass().add("help-overlay");
        setId("help-overlay");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("detail-title");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i)[0]);
            key.getStyleClass().add("shortcut-key");
            grid.add(key, 0, i);
            grid.add(new Label(SHORTCUTS.get(i)[1]), 1, i);
        }
        Label close = new Label("Esc or F1 closes this.");
        close.getStyleClass().add("muted");
        VBox card = new VBox(title, grid, new LogFolderLink(), close);
        card.getStyleClass().add("help-card");
        card.setAlignment(Pos.TOP_LEFT);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
        setAccessibleText("Keyboard shortcuts");
        setAccessibleHelp("A click, Esc or F1 closes this");
    }
}
