package io.huddle.console;

import io.huddle.ui.Icons;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The notification tray: waiting help requests, oldest first, each with Confirm; then recent notices. */
final class TrayPane extends VBox {
    private final ListView<TrayItem> list;

    TrayPane(TrayViewModel tray, ObservableValue<Instant> now) {
        getStyleClass().add("tray");
        setId("tray");
        setPrefWidth(300);
        setMinWidth(240);

        Label title = new Label("Help requests", Icons.of(Icons.BELL, 16));
        title.getStyleClass().add("tray-title");
        Label badge = new Label();
        badge.setId("tray-badge");
        badge.getStyleClass().add("badge");
        badge.textProperty().bind(Bindings.createStringBinding(
                () -> tray.badge().get() == 0 ? "" : String.valueOf(tray.badge().get()), tray.badge()));
        badge.visibleProperty().bind(tray.badge().greaterThan(0));
        HBox header = new HBox(6, title, badge);
        header.setAlignment(Pos.CENTER_LEFT);

        list = new ListView<>(tray.items());
        list.setId("tray-list");
        list.setAccessibleText("Help requests waiting for you; Ctrl+Enter confirms the selected one");
        list.setAccessibleHelp("Up and down choose a request, Enter confirms it. Ctrl+T comes back here.");
        list.setPlaceholder(hint("No agent is waiting for help."));
        list.setCellFactory(v -> new CardCell(now));
        // the keyboard comes to the tray on a card: the first, when none was chosen yet
        list.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                focusList();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                confirmSelected();
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label noticesTitle = new Label("Recent notices");
        noticesTitle.getStyleClass().add("muted");
        ListView<String> notices = new ListView<>(tray.notices());
        notices.setId("tray-notices");
        noticesTitle.setLabelFor(notices);
        notices.setAccessibleHelp("Requests that were cancelled or taken by another supervisor, newest first");
        notices.setPrefHeight(140);
        notices.setPlaceholder(hint("Cancelled requests and requests taken by others show here."));
        notices.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0); // as wide as the list: long notices wrap instead of scrolling sideways
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().add("notice");
            }
        });
        getChildren().addAll(header, list, noticesTitle, notices);
    }

    /** Confirms the selected request, or the one waiting longest when none is selected. */
    void confirmSelected() {
        TrayItem item = list.getSelectionModel().getSelectedItem();
        if (item == null && !list.getItems().isEmpty()) {
            item = list.getItems().get(0);
        }
        if (item != null) {
            item.confirm().execute();
        }
    }

    /** Focuses the list with this request selected (the first when it is null or gone). */
    void focus(TrayItem item) {
        list.requestFocus();
        if (item != null && list.getItems().contains(item)) {
            list.getSelectionModel().select(item);
            list.scrollTo(item);
        } else if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    void focusList() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("empty-hint");
        return l;
    }

    /** One request as a card. */
    private static final class CardCell extends ListCell<TrayItem> {
        /** The list's width less the cell's and the card's padding, its border and a scroll bar. */
        private static final double CARD_INSETS = 56;

        private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
        private final ObservableValue<Instant> now;

        CardCell(ObservableValue<Instant> now) {
            this.now = now;
            setPrefWidth(0); // as wide as the list: the card's texts wrap instead of being cut off
        }

        /** A label that wraps at the card's width (a list cell's height is measured before it is laid out). */
        private Label wrapping(Label l) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.prefWidthProperty().bind(getListView().widthProperty().subtract(CARD_INSETS));
            return l;
        }

        @Override
        protected void updateItem(TrayItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                accessibleTextProperty().unbind();
                setAccessibleText(null);
                setAccessibleHelp(null);
                return;
            }
            Label agent = new Label(item.agentName());
            agent.getStyleClass().add("agent");
            Label waiting = new Label();
            waiting.getStyleClass().add("waiting");
            waiting.textProperty().bind(Bindings.createStringBinding(
                    () -> "waiting " + InteractionTable.duration(item.createdAt(), now.getValue()), now));
            agent.setWrapText(true);
            VBox top = new VBox(1, agent, waiting);
            Label ladder = wrapping(new Label());
            ladder.getStyleClass().add("ladder");
            ladder.textProperty().bind(item.ladder());
            ladder.managedProperty().bind(item.ladder().isNotNull());
            ladder.visibleProperty().bind(ladder.managedProperty());
            top.getChildren().add(ladder);
            Label on = wrapping(new Label(item.interactionLabel()));
            on.getStyleClass().add("muted");
            Label reason = wrapping(new Label(item.reason()));
            VBox card = new VBox(top, on, reason);
            if (item.comment() != null) {
                Label comment = wrapping(new Label("“" + item.comment() + "”"));
                comment.getStyleClass().add("muted");
                card.getChildren().add(comment);
            }
            Button confirm = new Button("Confirm", Icons.of(Icons.CONFIRM, 14));
            confirm.getStyleClass().add("accent");
            confirm.setId("confirm-" + item.id());
            confirm.setAccessibleText("Confirm the help request of " + item.agentName());
            confirm.setTooltip(new Tooltip("Accept this request (Ctrl+Enter)"));
            confirm.disableProperty().bind(item.confirm().executable().not());
            confirm.textProperty().bind(Bindings.when(item.confirm().running()).then("Confirming…")
                    .otherwise("Confirm"));
            confirm.setOnAction(e -> item.confirm().execute());
            // the keyboard confirms the card it is on with Enter: one tab stop for the tray, not one a card
            confirm.setFocusTraversable(false);
            Label error = new Label();
            error.getStyleClass().add("error-text");
            error.textProperty().bind(item.confirm().error());
            error.managedProperty().bind(error.textProperty().isNotEmpty());
            error.visibleProperty().bind(error.managedProperty());
            card.getChildren().addAll(confirm, error);
            card.getStyleClass().add("tray-card");
            card.pseudoClassStateChanged(OVERDUE, item.overdue().get());
            item.overdue().addListener((o, a, late) -> {
                if (getItem() == item) {
                    card.pseudoClassStateChanged(OVERDUE, late);
                }
            });
            card.setMaxWidth(Double.MAX_VALUE);
            setGraphic(card);
            // what a screen reader says follows the card: the waiting time and the ladder's steps as they change
            accessibleTextProperty().bind(Bindings.createStringBinding(() -> spoken(item, now.getValue()), now,
                    item.ladder()));
            setAccessibleHelp("Press Enter to confirm");
        }

        /** "Help request from Agent Two: Billing dispute, waiting 1:20, overdue: still waiting, on Chat with …". */
        static String spoken(TrayItem item, Instant at) {
            String ladder = item.ladder().get();
            return "Help request from " + item.agentName() + ": " + item.reason() + ", waiting "
                    + InteractionTable.duration(item.createdAt(), at)
                    + (ladder == null || ladder.isEmpty() ? ""
                            : ", " + Character.toLowerCase(ladder.charAt(0)) + ladder.substring(1))
                    + ", on " + item.interactionLabel().replace(" · ", ", ")
                    + (item.comment() == null ? "" : ". “" + item.comment() + "”");
        }
    }
}
