package io.huddle.console;

import io.huddle.client.SignedIn;
import io.huddle.client.StreamOptions;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.Theme;
import io.huddle.journal.JournalSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Alert;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.huddle.agent.AgentApp;
import io.huddle.agent.AgentSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private final Callable<SignedIn> demoAgent;
    private final SettingsFile agentSettings;
    private final ExecutorService disk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "huddle-settings");
        t.setDaemon(true);
        return t;
    });
    private final List<AgentSession> agentWindows = new ArrayList<>();
    private final Path journalDir;
    private JournalSession journal;
    private ConsoleSession session;
    private ConsoleWindow window;

    /**
     * @param demoAgent     signs in the demo agent whose mini-window the console can open (demo only), or null
     * @param agentSettings where that agent window keeps its place
     */
    public ConsoleApp(SignedIn signedIn, SettingsFile settingsFile, Callable<SignedIn> demoAgent,
                      SettingsFile agentSettings) {
        this(signedIn, settingsFile, demoAgent, agentSettings, settingsFile.path().toAbsolutePath().resolveSibling("journal"));
    }

    /** @param journalDir where the supervisor's action journal is kept (AppDirs.data()/journal beside the settings) */
    public ConsoleApp(SignedIn signedIn, SettingsFile settingsFile, Callable<SignedIn> demoAgent,
                      SettingsFile agentSettings, Path journalDir) {
        this.journalDir = journalDir;
        this.signedIn = signedIn;
        this.settingsFile = settingsFile;
        this.demoAgent = demoAgent;
        this.agentSettings = agentSettings;
    }

    @Override
    public void start(Stage primary, Runnable exit) {
        UserSettings settings = settingsFile.load();
        Theme.apply(settings.dark());
        AtomicReference<ConsoleSession> statusTo = new AtomicReference<>();
        try {
            journal = JournalSession.open(journalDir, signedIn, Clock.systemUTC(), status -> {
                ConsoleSession target = statusTo.get();
                if (target != null) {
                    target.journalStatus(status);
                }
            });
        } catch (RuntimeException e) {
            // Every supervisor action must be recorded: without its journal the console does not open.
            LOG.error("the action journal could not be opened in {}", journalDir, e);
            Alert alert = new Alert(Alert.AlertType.ERROR, "Huddle records every supervisor action in a journal on"
                    + " this device, and it could not be opened:\n\n" + e.getMessage()
                    + "\n\nThe console does not run without it.");
            alert.setHeaderText("The action journal is not available");
            alert.showAndWait();
            exit.run();
            return;
        }
        session = new ConsoleSession(signedIn, StreamOptions.defaults(), journal);
        statusTo.set(session);
        session.journalStatus(journal.sync().status());
        String who = signedIn.user().displayName() + " · " + signedIn.user().tenant() + "/"
                + signedIn.user().domain();
        boolean mayAudit = signedIn.user().hasRole("awa_manager") || signedIn.user().hasRole("auditor");
        window = new ConsoleWindow(primary, session.viewModel(), who, settings, this::save,
                mayAudit ? () -> AuditApp.open(new Stage(), signedIn) : null,
                demoAgent == null ? null : this::openDemoAgent);
        primary.setOnCloseRequest(e -> {
            shutdown();
            exit.run();
        });
        session.start();
        primary.show();
    }

    /** Signs the demo agent in off the FX thread, then opens its mini-window. */
    private void openDemoAgent() {
        CompletableFuture.supplyAsync(() -> {
            try {
                return demoAgent.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, disk).whenComplete((agent, failure) -> session.bridge().post((Runnable) () -> {
            if (failure != null) {
                LOG.error("the demo agent could not sign in", failure);
                return;
            }
            agentWindows.add(AgentApp.open(new Stage(), agent, agentSettings, () -> { }));
        }));
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

    /** Stops the stream, signs out (journaled), closes the journal and saves the window's place; safe to call twice. */
    public void shutdown() {
        if (window != null) {
            save(window.currentSettings());
        }
        agentWindows.forEach(AgentSession::close);
        if (session != null) {
            session.close();
            session = null;
        }
        if (journal != null) {
            journal.signOut(Duration.ofMillis(1500));
            journal.close();
            journal = null;
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
