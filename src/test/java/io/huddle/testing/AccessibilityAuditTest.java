package io.huddle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.e2e.Fx;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The walker itself: what it reports and what it lets pass, on a window built for it. */
class AccessibilityAuditTest {
    private Stage stage;

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.run(() -> Platform.setImplicitExit(false));
    }

    @AfterEach
    void close() {
        Fx.run(stage::hide);
    }

    @Test
    void reportsEachInteractiveNodeWithoutANameOrHelpAndNothingElse() {
        List<String> offenders = Fx.call(() -> {
            Button named = new Button("Refresh");
            named.setId("named");
            named.setTooltip(new Tooltip("Load again"));
            Button iconOnly = new Button(null, new Region());
            iconOnly.setId("icon-only");
            iconOnly.setTooltip(new Tooltip("Close"));
            Button symbol = new Button("?");
            symbol.setId("symbol");
            symbol.setTooltip(new Tooltip("Keyboard shortcuts"));
            TextField promptOnly = new TextField();
            promptOnly.setId("prompt-only");
            promptOnly.setPromptText("Search");
            TextField labelled = new TextField();
            labelled.setId("labelled");
            labelled.setTooltip(new Tooltip("Your user name"));
            Label label = new Label("User");
            label.setLabelFor(labelled);
            Region card = new Region();
            card.setId("card");
            card.setAccessibleText("A card");
            card.setOnMouseClicked(e -> { });
            ListView<String> list = new ListView<>(FXCollections.observableArrayList("One", "Two"));
            list.setId("acting-list");
            list.setAccessibleText("Requests");
            list.setAccessibleHelp("Enter confirms");
            list.setOnKeyPressed(e -> { });
            Button hidden = new Button();
            hidden.setId("hidden");
            hidden.setVisible(false);
            MenuButton menu = new MenuButton("Presence");
            menu.setId("menu");
            menu.setTooltip(new Tooltip("Who notices you"));
            MenuItem blank = new MenuItem();
            blank.setId("blank-item");
            menu.getItems().addAll(new MenuItem("Available"), blank);
            VBox root = new VBox(named, iconOnly, symbol, promptOnly, label, labelled, card, list, hidden, menu);
            stage = new Stage();
            stage.setScene(new Scene(root, 300, 600));
            stage.show();
            return AccessibilityAudit.of(stage).stream().map(Object::toString).toList();
        });

        assertThat(offenders).containsExactly(
                "Button#icon-only  (no name)",
                "Button#symbol['?']  (no name)",
                "TextField#prompt-only  (no name, no help)",
                "Region#card  (no help)",
                "ListView#acting-list > ListCell['One'][row 0]  (no help)",
                "ListView#acting-list > ListCell['Two'][row 1]  (no help)",
                "MenuButton#menu['Presence'] > MenuItem#blank-item  (no name)");
    }
}
