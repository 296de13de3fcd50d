package io.huddle.console;

import io.huddle.client.SignedIn;
import io.huddle.client.StreamOptions;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.Theme;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor console for one signed-in supervisor: the session, the main window and the small
 * background executor that saves settings. Everything it starts it stops in {@link #shutdown}.
 */
public final class ConsoleApp implements FxLauncher.FxApp {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private final SignedIn signedIn;
    private final SettingsFile settingsFile;
    private final Consumer<Stage> openAgentWindow;
    private final Consumer<Stage> openAudit;
    private final ExecutorService disk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "huddle-settings");
        t.setDaemon(true);
        return t;
    });
    private ConsoleSession session;
    private ConsoleWindow window;

    /**
     * @param openAgentWindow opens the agent mini-window in a new stage (demo only), or null
     * @param openAudit       opens the audit search in a new stage, or null
     */
    public ConsoleApp(SignedIn signedIn, SettingsFile settingsFile, Consumer<Stage> openAgentWindow,
                      Consumer<Stage> openAudit) {
        this.signedIn = signedIn;
        this.settingsFile = settingsFile;
        this.openAgentWindow = openAgentWindow;
        this.openAudit = openAudit;
    }

    @Override
    public void start(Stage primary, Runnable exit) {
        UserSettings settings = settingsFile.load();
        Theme.apply(settings.dark());
        session = new ConsoleSession(signedIn, StreamOptions.defaults());
        String who = signedIn.user().displayName() + " · " + signedIn.user().tenant() + "/"
                + signedIn.user().domain();
        window = new ConsoleWindow(primary, session.viewModel(), who, settings, this::save,
                openAudit == null ? null : () -> openAudit.accept(new Stage()),
                openAgentWindow == null ? null : () -> openAgentWindow.accept(new Stage()));
        primary.setOnCloseRequest(e -> {
            shutdown();
            exit.run();
        });
        session.start();
        primary.show();
    }

    public ConsoleSession session() {
        return session;
    }

    public ConsoleWindow window() {
        return window;
    }

    private void save(UserSettings settings) {
        if (disk.isShutdown()) {
            return;
        }
        disk.execute(() -> {
            try {
                settingsFile.save(settings);
            } catch (IOException e) {
                LOG.warn("settings could not be saved to {}: {}", settingsFile.path(), e.getMessage());
            }
        });
    }

    /** Stops the stream and saves the window's place; safe to call twice. */
    public void shutdown() {
        if (window != null) {
            save(window.currentSettings());
        }
        if (session != null) {
            session.close();
        }
        disk.shutdown();
        try {
            if (!disk.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("settings were still being saved at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
