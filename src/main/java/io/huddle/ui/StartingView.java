package io.huddle.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * What an app's window shows while the app starts in the background (a card with what it is doing now), or
 * what went wrong when it could not start, with a way out. Built in code; styled in huddle.css.
 */
public final class StartingView extends StackPane {
    private final Label step = new Label();

    private StartingView(VBox card) {
        super(card);
        getStyleClass().add("starting-view");
        StackPane.setAlignment(card, Pos.CENTER);
    }

    /**
     * @param heading what is starting ("Huddle supervisor console")
     * @param note    a line under it about where this runs
     * @param first   the first step ("Starting the demo contact center…")
     */
    public static StartingView starting(String heading, String note, String first) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("starting-progress");
        spinner.setPrefSize(36, 36);
        VBox card = card(title(heading), spinner);
        StartingView view = new StartingView(card);
        view.step.setId("starting-step");
        view.step.getStyleClass().add("starting-step");
        view.step.setText(first);
        Label noteLabel = new Label(note);
        noteLabel.getStyleClass().addAll("muted", "starting-note");
        noteLabel.setWrapText(true);
        card.getChildren().addAll(view.step, noteLabel);
        return view;
    }

    /** Says what the app is doing now; on the FX thread. */
    public void step(String text) {
        step.setText(text);
    }

    /** A failure to start: what failed, what the person can do about it, and a button that quits. */
    public static StartingView failed(String headline, String detail, Runnable quit) {
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        icon.getStyleClass().add("starting-failed-icon");
        Label title = title(headline);
        title.setId("starting-failed");
        title.setGraphic(icon);
        Label text = new Label(detail);
        text.setId("starting-failed-detail");
        text.setWrapText(true);
        Label log = new Label("The technical details are in Huddle's log (standard error).");
        log.getStyleClass().add("muted");
        log.setWrapText(true);
        Button quitButton = new Button("Quit");
        quitButton.setId("starting-quit");
        quitButton.getStyleClass().add("accent");
        quitButton.setDefaultButton(true);
        quitButton.setCancelButton(true);
        quitButton.setOnAction(e -> quit.run());
        VBox card = card(title, text, log, quitButton);
        card.getStyleClass().add("failed");
        return new StartingView(card);
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("starting-title");
        title.setWrapText(true);
        return title;
    }

    private static VBox card(javafx.scene.Node... children) {
        VBox card = new VBox(14, children);
        card.getStyleClass().add("starting-card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(520, USE_PREF_SIZE);
        return card;
    }
}
