package io.huddle.console;

import io.huddle.settings.UserSettings;
import io.huddle.ui.AlertSound;
import io.huddle.ui.Theme;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The supervisor console's main window: header and filters, tray | live list | detail, status bar. */
public final class ConsoleWindow {
    static final String TITLE = "Huddle — supervisor console";
    /** The window's size until the supervisor changes it. */
    static final double WIDTH = 1440;
    static final double HEIGHT = 860;
    private final Stage stage;
    private final ConsoleViewModel vm;
    private final HeaderBar header;
    private final TrayPane tray;
    private final InteractionTable table;
    private final DetailPane detail;
    private final HelpOverlay help = new HelpOverlay();
    private final SplitPane split;
    private final Timeline ticker;
    private UserSettings settings;

    /**
     * @param onSettings called with the settings to save (theme, window place, dividers)
     * @param openAudit  what the header's buttons open (audit, analytics, agent window; any may be null)
     */
    public ConsoleWindow(Stage stage, ConsoleViewModel vm, String signedInAs, UserSettings settings,
                         Consumer<UserSettings> onSettings, Runnable openAudit, Runnable openAnalytics,
                         Runnable openAgentWindow) {
        this.stage = stage;
        this.vm = vm;
        this.settings = settings;
        header = new HeaderBar(vm.floor(), vm.presence(), signedInAs);
        sounds(new RequestSounds(vm.tray(), AlertSound.systemBeep()), onSettings);
        tray = new TrayPane(vm.tray(), vm.floor().now());
        table = new InteractionTable(vm.floor());
        detail = new DetailPane(vm.detail());
        split = new SplitPane(tray, table, detail);
        split.setDividerPositions(settings.dividers().getOrDefault("console.tray", 0.18),
                settings.dividers().getOrDefault("console.detail", 0.73));
        SplitPane.setResizableWithParent(tray, false);
        ToastPane toast = new ToastPane(vm.toasts(), this::openTray);
        // over the foot of the live list: not over the detail's header and controls, nor the message composer
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        StackPane.setMargin(toast, new Insets(12, 12, 20, 12));
        StackPane center = new StackPane(split, toast, help);
        // set in reading order: the keyboard's focus follows the children's order (header, tray, list, detail)
        BorderPane root = new BorderPane();
        root.setTop(header);
        root.setCenter(center);
        root.setBottom(new StatusBar(vm.connection(), vm.journal(), signedInAs));
        root.setId("console-root");

        Scene scene = new Scene(root, WIDTH, HEIGHT);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle(TITLE);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        restorePlace(stage, settings.windows().get("console"));

        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && !row.id().equals(vm.detail().selectedId())) {
                vm.detail().select(row.id());
            }
        });
        vm.focusRequest().addListener((o, a, id) -> selectRow(id));
        header.audit.setOnAction(e -> run(openAudit));
        header.audit.setDisable(openAudit == null);
        header.analytics.setOnAction(e -> run(openAnalytics));
        header.analytics.setDisable(openAnalytics == null);
        header.agentWindow.setOnAction(e -> run(openAgentWindow));
        header.agentWindow.setVisible(openAgentWindow != null);
        header.agentWindow.setManaged(openAgentWindow != null);
        header.theme.setText(settings.dark() ? "Light" : "Dark");
        header.theme.setOnAction(e -> toggleTheme(onSettings));
        header.help.setOnAction(e -> help.setVisible(!help.isVisible()));
        header.desktopNotifications.setSelected(settings.desktopNotifications());
        header.desktopNotifications.selectedProperty().addListener((o, was, on) -> {
            this.settings = currentSettings().withDesktopNotifications(on);
            onSettings.accept(this.settings);
        });
        shortcuts(scene, onSettings, openAudit, openAnalytics);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick(Instant.now())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        stage.setOnHidden(e -> {
            ticker.stop();
            onSettings.accept(currentSettings());
        });
    }

    /** The two sounds' menu items, as remembered, and each change saved. */
    private void sounds(RequestSounds sounds, Consumer<UserSettings> onSettings) {
        header.requestSound.setSelected(settings.requestSound());
        header.sound.setSelected(settings.reminderSound());
        sounds.onNewRequest().bind(header.requestSound.selectedProperty());
        sounds.onReminder().bind(header.sound.selectedProperty());
        header.requestSound.selectedProperty().addListener((o, was, on) -> {
            this.settings = currentSettings().withRequestSound(on);
            onSettings.accept(this.settings);
        });
        header.sound.selectedProperty().addListener((o, was, on) -> {
            this.settings = currentSettings().withReminderSound(on);
            onSettings.accept(this.settings);
        });
    }

    private void shortcuts(Scene scene, Consumer<UserSettings> onSettings, Runnable openAudit,
                           Runnable openAnalytics) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), tray::confirmSelected);
        acc.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), tray::focusList);
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), header.search::requestFocus);
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::focusTable);
        acc.put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), detail::focusMessage);
        acc.put(new KeyCodeCombination(KeyCode.F6), () -> vm.detail().monitorCommand().execute());
        acc.put(new KeyCodeCombination(KeyCode.F7), () -> vm.detail().coachCommand().execute());
        acc.put(new KeyCodeCombination(KeyCode.F8), () -> vm.detail().bargeInCommand().execute());
        acc.put(new KeyCodeCombination(KeyCode.F9), () -> vm.detail().disconnectCommand().execute());
        acc.put(new KeyCodeCombination(KeyCode.F1), () -> help.setVisible(!help.isVisible()));
        acc.put(new KeyCodeCombination(KeyCode.ESCAPE), () -> help.setVisible(false));
        acc.put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> run(openAudit));
        acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> run(openAnalytics));
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> toggleTheme(onSettings));
    }

    /** A click on the help-request notice: the tray, with the request it was about selected. */
    private void openTray(TrayItem item) {
        stage.toFront();
        tray.focus(item);
    }

    /** A desktop notification was activated: the console in front, the tray with its request selected. */
    public void showRequest(TrayItem item) {
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        tray.focus(item);
    }

    /** The supervisor's setting "Desktop notifications" (remembered). */
    public ObservableBooleanValue desktopNotifications() {
        return header.desktopNotifications.selectedProperty();
    }

    private void selectRow(String id) {
        if (id == null) {
            return;
        }
        InteractionRow row = vm.floor().row(id);
        if (row != null) {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        }
    }

    private void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private void toggleTheme(Consumer<UserSettings> onSettings) {
        settings = currentSettings().withTheme(settings.dark() ? "light" : "dark");
        Theme.apply(settings.dark());
        header.theme.setText(settings.dark() ? "Light" : "Dark");
        onSettings.accept(settings);
    }

    private static void run(Runnable r) {
        if (r != null) {
            r.run();
        }
    }

    /** Puts a window where the console was last (its place and size), if it was anywhere. */
    static void restorePlace(Stage stage, UserSettings.WindowPlace p) {
        if (p == null) {
            return;
        }
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
    }

    /** The settings with this window's current place and dividers. */
    public UserSettings currentSettings() {
        double[] d = split.getDividerPositions();
        return settings.withWindow("console", new UserSettings.WindowPlace(stage.getX(), stage.getY(),
                        stage.getWidth(), stage.getHeight(), stage.isMaximized()))
                .withDivider("console.tray", d[0]).withDivider("console.detail", d[1]);
    }

    public Stage stage() {
        return stage;
    }
}
