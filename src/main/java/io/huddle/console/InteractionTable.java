package io.huddle.console;

import io.huddle.domain.Channel;
import io.huddle.domain.InteractionState;
import io.huddle.ui.Icons;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;

/** The live list: one row per interaction, sortable, with row states as pseudo-classes. */
final class InteractionTable extends TableView<InteractionRow> {
    private static final PseudoClass HELP = PseudoClass.getPseudoClass("help-requested");
    private static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");
    private static final PseudoClass ON_HOLD = PseudoClass.getPseudoClass("on-hold");
    private static final PseudoClass WRAP_UP = PseudoClass.getPseudoClass("wrap-up");

    InteractionTable(FloorViewModel floor) {
        getStyleClass().add("interaction-table");
        setId("interactions");
        setAccessibleText("Live interactions");
        setAccessibleHelp("Up and down choose an interaction; its details, controls and transcript show on the right."
                + " Ctrl+L comes back here.");
        SortedList<InteractionRow> sorted = new SortedList<>(floor.visibleRows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        // the columns share the list's width (no sideways scrolling); icons, state and duration keep theirs
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setPlaceholder(new Label("No live interactions match the filters."));

        TableColumn<InteractionRow, Boolean> help = column("", 34, r -> r.helpRequestedProperty());
        help.setCellFactory(c -> new IconCell<>(v -> v ? Icons.HELP : null, "help-marker", "Help requested"));
        help.setComparator(Comparator.reverseOrder());
        TableColumn<InteractionRow, Channel> channel = column("", 40, r -> r.channelProperty());
        channel.setCellFactory(c -> new IconCell<>(InteractionTable::channelIcon, "channel-icon", null));
        TableColumn<InteractionRow, String> agent = column("Agent", 124, InteractionRow::agentProperty);
        TableColumn<InteractionRow, String> customer = column("Customer", 132, InteractionRow::customerProperty);
        TableColumn<InteractionRow, String> queue = column("Queue", 136, InteractionRow::queueProperty);
        TableColumn<InteractionRow, InteractionState> state = column("State", 76, r -> r.stateProperty());
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(InteractionState s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : stateLabel(s));
            }
        });
        TableColumn<InteractionRow, Instant> duration = column("Duration", 92, r -> r.startedAtProperty());
        duration.setComparator(Comparator.nullsLast(Comparator.reverseOrder()));
        duration.setCellFactory(c -> new DurationCell(floor));
        TableColumn<InteractionRow, String> sups = column("Supervisors", 200, InteractionRow::supervisorsProperty);
        for (TableColumn<InteractionRow, ?> fixed : java.util.List.of(help, channel, state, duration)) {
            fixed.setMinWidth(fixed.getPrefWidth());
            fixed.setMaxWidth(fixed.getPrefWidth());
        }
        for (TableColumn<InteractionRow, ?> text : java.util.List.of(agent, customer, queue, sups)) {
            text.setMinWidth(80);
        }
        getColumns().addAll(java.util.List.of(help, channel, agent, customer, queue, state, duration, sups));
        getSortOrder().add(help);

        setRowFactory(t -> new StyledRow());
    }

    /** A row whose pseudo-classes follow its item's properties as they change in place. */
    private static final class StyledRow extends TableRow<InteractionRow> {
        private final javafx.beans.InvalidationListener restyle = o -> restyle();
        private InteractionRow watched;

        @Override
        protected void updateItem(InteractionRow row, boolean empty) {
            super.updateItem(row, empty);
            InteractionRow next = empty ? null : row;
            if (watched != next) {
                if (watched != null) {
                    watched.helpRequestedProperty().removeListener(restyle);
                    watched.myModeProperty().removeListener(restyle);
                    watched.stateProperty().removeListener(restyle);
                }
                watched = next;
                if (next != null) {
                    next.helpRequestedProperty().addListener(restyle);
                    next.myModeProperty().addListener(restyle);
                    next.stateProperty().addListener(restyle);
                }
            }
            restyle();
        }

        private void restyle() {
            InteractionRow r = watched;
            pseudoClassStateChanged(HELP, r != null && r.helpRequestedProperty().get());
            pseudoClassStateChanged(MINE, r != null && r.myModeProperty().get() != null);
            pseudoClassStateChanged(ON_HOLD, r != null && r.stateProperty().get() == InteractionState.ON_HOLD);
            pseudoClassStateChanged(WRAP_UP, r != null && r.stateProperty().get() == InteractionState.WRAP_UP);
        }
    }

    private static <T> TableColumn<InteractionRow, T> column(String title, double width,
            Callback<InteractionRow, ObservableValue<T>> value) {
        TableColumn<InteractionRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> value.call(f.getValue()));
        return c;
    }

    static org.kordamp.ikonli.Ikon channelIcon(Channel c) {
        if (c == null) {
            return null;
        }
        return switch (c) {
            case VOICE -> Icons.VOICE;
            case CHAT -> Icons.CHAT;
            case MESSAGING -> Icons.MESSAGING;
        };
    }

    static String channelLabel(Channel c) {
        return c.name().charAt(0) + c.name().substring(1).toLowerCase(Locale.ROOT);
    }

    static String stateLabel(InteractionState s) {
        return switch (s) {
            case ACTIVE -> "Active";
            case ON_HOLD -> "On hold";
            case WRAP_UP -> "Wrap-up";
            case ENDED -> "Ended";
        };
    }

    static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(from, to).getSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /**
     * A cell that shows an icon (with its label as text for the channel). It keeps one icon node and one
     * tooltip and changes them only when its value changes: the live list re-lays its cells whenever a row
     * comes or goes, and new nodes each time meant CSS and a repaint of every visible row.
     */
    private static final class IconCell<T> extends TableCell<InteractionRow, T> {
        private final java.util.function.Function<T, org.kordamp.ikonli.Ikon> icon;
        private final String accessible;
        private final FontIcon graphic;
        private final javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();
        private org.kordamp.ikonli.Ikon shown;

        IconCell(java.util.function.Function<T, org.kordamp.ikonli.Ikon> icon, String style, String accessible) {
            this.icon = icon;
            this.accessible = accessible;
            this.graphic = new FontIcon();
            graphic.getStyleClass().addAll("huddle-icon", style);
            graphic.setIconSize(16);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            org.kordamp.ikonli.Ikon ikon = empty || item == null ? null : icon.apply(item);
            setText(null);
            if (ikon == null) {
                shown = null;
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (ikon != shown) {
                graphic.setIconCode(ikon);
                shown = ikon;
            }
            if (getGraphic() != graphic) {
                setGraphic(graphic);
            }
            String label = item instanceof Channel c ? channelLabel(c) : accessible;
            setAccessibleText(label);
            if (label == null) {
                setTooltip(null);
            } else {
                tooltip.setText(label);
                if (getTooltip() != tooltip) {
                    setTooltip(tooltip);
                }
            }
        }
    }

    /** Ticks once a second from the view model's clock. */
    private static final class DurationCell extends TableCell<InteractionRow, Instant> {
        DurationCell(FloorViewModel floor) {
            textProperty().bind(Bindings.createStringBinding(
                    () -> isEmpty() || getItem() == null ? null : duration(getItem(), floor.now().get()),
                    itemProperty(), emptyProperty(), floor.now()));
        }
    }
}
