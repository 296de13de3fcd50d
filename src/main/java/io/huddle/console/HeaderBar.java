package io.huddle.console;

import io.huddle.domain.Channel;
import io.huddle.domain.Presence;
import io.huddle.ui.Icons;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;

/** Title, per-channel counts and the list's filters. */
final class HeaderBar extends VBox {
    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");
    // ControlsFX: a clear button shows in the field while it holds text
    final TextField search = TextFields.createClearableTextField();
    final Button audit = new Button("Audit", Icons.of(Icons.AUDIT, 16));
    final Button analytics = new Button("Analytics");
    final Button theme = new Button("Dark");
    final Button help = new Button("?");
    final Button agentWindow = new Button("Agent window");

    final MenuButton presence = new MenuButton();
    final CheckMenuItem requestSound = new CheckMenuItem("Sound on a new help request");
    final CheckMenuItem sound = new CheckMenuItem("Sound on reminders");
    /** While the console is not in front, help requests also reach the desktop's notifications. */
    final CheckMenuItem desktopNotifications = new CheckMenuItem("Desktop notifications");

    HeaderBar(FloorViewModel floor, PresenceViewModel presenceVm, String who) {
        Label title = new Label("Huddle");
        title.getStyleClass().add("app-title");
        Label user = new Label(who);
        user.getStyleClass().add("muted");
        HBox counts = new HBox(6,
                chip(Icons.VOICE, floor, Channel.VOICE, "Voice"),
                chip(Icons.CHAT, floor, Channel.CHAT, "Chat"),
                chip(Icons.MESSAGING, floor, Channel.MESSAGING, "Messaging"));
        Label helpCount = new Label();
        helpCount.setId("count-help");
        helpCount.setGraphic(Icons.of(Icons.HELP, 14));
        helpCount.getStyleClass().addAll("count-chip", "help");
        helpCount.textProperty().bind(Bindings.concat(floor.helpCount(), " asking for help"));
        // red only when someone is asking: a red "0" all day teaches to look past it
        helpCount.pseudoClassStateChanged(NONE, floor.helpCount().get() == 0);
        floor.helpCount().addListener((o, a, n) -> helpCount.pseudoClassStateChanged(NONE, n.intValue() == 0));
        Label total = new Label();
        total.setId("count-total");
        total.getStyleClass().add("muted");
        total.textProperty().bind(Bindings.concat(floor.total(), " live"));
        counts.getChildren().addAll(helpCount, total);
        counts.setAlignment(Pos.CENTER_LEFT); // "13 live" on the chips' middle, not their top

        audit.setId("audit-button");
        audit.setTooltip(new Tooltip("Search the audit trail (Ctrl+Shift+A)"));
        analytics.setId("analytics-button");
        analytics.setTooltip(new Tooltip("Help requests and interventions in figures (Ctrl+Shift+R)"));
        theme.setId("theme-button");
        theme.setTooltip(new Tooltip("Switch between light and dark (Ctrl+Shift+L)"));
        help.setId("help-button");
        help.setAccessibleText("Keyboard shortcuts (F1)");
        help.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        agentWindow.setId("agent-window-button");
        agentWindow.setTooltip(new Tooltip("Open the agent mini-window for acme agent1 (demo only)"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        presenceMenu(presenceVm);
        HBox top = new HBox(title, user, presence, counts, grow, agentWindow, audit, analytics, theme, help);
        top.getStyleClass().add("app-header");

        search.setId("search");
        search.setPromptText("Search agent, customer, queue… (Ctrl+F)");
        search.setAccessibleText("Search interactions");
        search.setTooltip(new Tooltip("Shows only the interactions whose agent, customer or queue has this text"
                + " (Ctrl+F)"));
        search.textProperty().bindBidirectional(floor.textFilter());
        search.setPrefWidth(340); // the whole prompt, shortcut included
        ComboBox<Channel> channel = new ComboBox<>();
        channel.setId("channel-filter");
        channel.getItems().add(null);
        channel.getItems().addAll(Channel.values());
        channel.setConverter(new StringConverter<>() {
            @Override
            public String toString(Channel c) {
                return c == null ? "All channels" : InteractionTable.channelLabel(c);
            }

            @Override
            public Channel fromString(String s) {
                return null;
            }
        });
        channel.setAccessibleText("Channel filter");
        channel.setTooltip(new Tooltip("Shows only the interactions of one channel"));
        channel.valueProperty().bindBidirectional(floor.channelFilter());
        ComboBox<String> queue = new ComboBox<>();
        queue.setId("queue-filter");
        queue.setPromptText("All queues");
        queue.setAccessibleText("Queue filter");
        queue.setTooltip(new Tooltip("Shows only the interactions of one queue"));
        queue.getItems().add(null);
        floor.queues().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = queue.getValue();
            queue.getItems().setAll(floor.queues());
            queue.getItems().add(0, null);
            queue.setValue(keep);
        });
        queue.setConverter(new StringConverter<>() {
            @Override
            public String toString(String q) {
                return q == null ? "All queues" : q;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        queue.valueProperty().bindBidirectional(floor.queueFilter());
        CheckBox helpOnly = new CheckBox("Help requested only");
        helpOnly.setId("help-only");
        helpOnly.setTooltip(new Tooltip("Shows only the interactions whose agent asked for help"));
        helpOnly.selectedProperty().bindBidirectional(floor.helpOnlyFilter());
        HBox filters = new HBox(search, channel, queue, helpOnly);
        filters.getStyleClass().add("filter-bar");
        getChildren().addAll(top, filters);
    }

    /**
     * Available, busy or away: the choice, what the gateway has now (a dot), the sounds on a new request and on
     * reminders, and the desktop notifications.
     */
    private void presenceMenu(PresenceViewModel vm) {
        presence.setId("presence");
        presence.getStyleClass().add("presence");
        Region dot = new Region();
        dot.getStyleClass().add("presence-dot");
        presence.setGraphic(dot);
        presence.setAccessibleText("Your presence: only available supervisors are notified of new requests");
        presence.setTooltip(new Tooltip("Available: new requests notify you. Busy or away: they only come into"
                + " the tray (reminders still sound)."));
        for (Presence p : PresenceViewModel.CHOICES) {
            MenuItem item = new MenuItem(PresenceViewModel.label(p));
            item.setId("presence-" + p.wireName());
            item.setOnAction(e -> vm.choose(p));
            presence.getItems().add(item);
        }
        requestSound.setId("request-sound");
        sound.setId("reminder-sound");
        desktopNotifications.setId("desktop-notifications");
        presence.getItems().addAll(new SeparatorMenuItem(), requestSound, sound, // off until turned on
                desktopNotifications);
        presence.disableProperty().bind(vm.change().executable().not().and(vm.change().running().not()));
        Runnable show = () -> {
            Presence p = vm.current().get();
            presence.setText(vm.change().running().get() ? "…" : PresenceViewModel.label(p));
            for (Presence each : Presence.values()) {
                presence.pseudoClassStateChanged(PseudoClass.getPseudoClass(each.wireName()), each == p);
            }
        };
        vm.current().addListener((o, a, b) -> show.run());
        vm.change().running().addListener((o, a, b) -> show.run());
        show.run();
    }

    private static Label chip(org.kordamp.ikonli.Ikon icon, FloorViewModel floor, Channel c, String name) {
        Label l = new Label();
        l.setId("count-" + c.name().toLowerCase());
        l.setGraphic(Icons.of(icon, 14));
        l.getStyleClass().add("count-chip");
        l.textProperty().bind(floor.count(c).asString());
        l.setTooltip(new Tooltip(name + " interactions"));
        l.setAccessibleText(name);
        return l;
    }
}
