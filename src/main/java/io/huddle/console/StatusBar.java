package io.huddle.console;

import io.huddle.ui.Icons;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The connection's state, always visible at the bottom, and journal entries waiting to be uploaded. */
final class StatusBar extends HBox {
    private static final PseudoClass RECONNECTING = PseudoClass.getPseudoClass("reconnecting");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    StatusBar(ConnectionViewModel connection, JournalViewModel journal, String signedInAs) {
        getStyleClass().add("status-bar");
        FontIcon dot = Icons.of(MaterialDesignC.CIRCLE, 10);
        dot.getStyleClass().add("status-dot");
        Label text = new Label();
        text.setId("connection-status");
        text.textProperty().bind(connection.text());
        connection.shown().addListener((o, a, s) -> {
            dot.pseudoClassStateChanged(RECONNECTING, s == ConnectionViewModel.Shown.RECONNECTING
                    || s == ConnectionViewModel.Shown.CONNECTING);
            dot.pseudoClassStateChanged(OFFLINE, s == ConnectionViewModel.Shown.OFFLINE);
        });
        dot.pseudoClassStateChanged(RECONNECTING, true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label waiting = new Label();
        waiting.setId("journal-status");
        waiting.textProperty().bind(journal.text());
        waiting.visibleProperty().bind(journal.text().isNotEmpty());
        waiting.managedProperty().bind(waiting.visibleProperty());
        Label who = new Label(signedInAs);
        who.getStyleClass().add("muted");
        getChildren().addAll(dot, text, grow, waiting, who);
    }
}
