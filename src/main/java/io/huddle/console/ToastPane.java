package io.huddle.console;

import io.huddle.ui.Icons;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The help-request notice over the top right of the window; a click opens the tray, × closes it. */
final class ToastPane extends HBox {
    private static final double WIDTH = 340;

    /** @param open called with the request the notice is about (or null for several) when it is clicked */
    ToastPane(ToastViewModel toasts, Consumer<TrayItem> open) {
        getStyleClass().add("toast");
        setId("toast");
        setAlignment(Pos.TOP_LEFT);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        setMaxHeight(Region.USE_PREF_SIZE);

        Label title = new Label();
        title.getStyleClass().add("toast-title");
        title.setId("toast-title");
        title.textProperty().bind(toasts.title());
        Label text = new Label();
        text.getStyleClass().add("toast-text");
        text.setId("toast-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(toasts.text());
        VBox body = new VBox(2, title, text);
        HBox.setHgrow(body, Priority.ALWAYS);

        Button close = new Button(null, Icons.of(Icons.CLOSE, 14));
        close.getStyleClass().addAll("flat", "toast-close");
        close.setId("toast-close");
        close.setAccessibleText("Close this notice");
        close.setTooltip(new Tooltip("Close this notice; the request stays in the tray"));
        close.setFocusTraversable(false);
        close.setOnAction(e -> toasts.dismiss());

        getChildren().addAll(Icons.of(Icons.HELP, 20), body, close);
        accessibleTextProperty().bind(Bindings.concat(toasts.title(), ". ", toasts.text()));
        setAccessibleHelp("Click to open the help-request tray; Ctrl+T goes there from the keyboard");
        visibleProperty().bind(toasts.showing());
        managedProperty().bind(visibleProperty());
        setOnMouseClicked(e -> {
            TrayItem item = toasts.single().get();
            toasts.dismiss();
            open.accept(item);
        });
    }
}
