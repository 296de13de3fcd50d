package io.huddle.console;

import io.huddle.agent.AgentApp;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamOptions;
import io.huddle.console.dbus.DbusNotificationSink;
import io.huddle.journal.JournalSession;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.ui.AwtTaskbarAttention;
import io.huddle.ui.AwtTrayIcon;
import io.huddle.ui.DesktopAttention;
import io.huddle.ui.DesktopMessages;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.Theme;
import io.huddle.ui.TrayIconHost;
import io.huddle.ui.UiThread;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor console for one signed-in supervisor: the session, the main window, the small background
 * executor that saves settings and the thread that shuts it all down. Everything it starts it stops in
 * {@link #close}: the windows go at once, the rest (stream, journaled sign-out, journal, last save) runs on
 * that thread, within {@link #SHUTDOWN_BOUND}.
 */
public final class ConsoleApp implements FxLauncher.FxApp {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    /** What the journaled sign-out may spend uploading the journal before it signs out at the gateway. */
    static final Duration SIGN_OUT_UPLOAD = Duration.ofMillis(1500);
    /**
     * How long the shutdown after a close may take before the app exits anyway: the stream's close, the
     * sign-out's upload and the gateway's sign-out each have their own bound; this one only keeps a hung
     * gateway from keeping an invisible process alive. The sign-out's intent is journaled in its first
     * milliseconds.
     */
    static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(8);

    private final SignedIn signedIn;
    private final SettingsFile settingsFile;
    private final Callable<SignedIn> demoAgent;
    private final SettingsFile agentSettings;
    private final ExecutorService disk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "huddle-settings");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        // a daemon: if the shutdown outlives its bound, the app exits without it
        Thread t = new Thread(r, "huddle-console-shutdown");
        t.setDaemon(true);
        return t;
    });
    private final List<Stage> agentWindows = new ArrayList<>();
    private final List<CompletableFuture<Void>> agentsClosed = new ArrayList<>();
    private final Path journalDir;
    private final Supplier<Optional<NotificationSink>> desktop;
    private final AtomicReference<ConsoleSession> statusTo = new AtomicReference<>();
    private volatile JournalSession journal;
    private volatile RuntimeException journalFailure;
    private volatile UserSettings settings;
    private volatile ConsoleSession session;
    private ConsoleWindow window;
    private volatile DesktopNotices desktopNotices;
    private DesktopAttention attentionHost; // null: this desktop's taskbar
    private volatile TrayIconHost trayHost; // null: this desktop's system tray
    private TrayIconViewModel trayIcon;
    private AttentionViewModel attention;
    private CompletableFuture<Void> closed; // FX thread: the windows are hidden
    private final AtomicReference<CompletableFuture<Void>> shutdown = new AtomicReference<>();

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
        this(signedIn, settingsFile, demoAgent, agentSettings, journalDir, DbusNotificationSink::onSessionBus);
    }

    /**
     * @param desktop connects to the desktop's notification service (it may block), or finds none: then the
     *                notifications are the tray icon's messages, where there is a tray
     */
    public ConsoleApp(SignedIn signedIn, SettingsFile settingsFile, Callable<SignedIn> demoAgent,
                      SettingsFile agentSettings, Path journalDir, Supplier<Optional<NotificationSink>> desktop) {
        this.desktop = desktop;
        this.journalDir = journalDir;
        this.signedIn = signedIn;
        this.settingsFile = settingsFile;
        this.demoAgent = demoAgent;
        this.agentSettings = agentSettings;
    }

    /**
     * Where the console asks for attention and puts its tray icon, instead of this desktop's taskbar and
     * system tray; before {@link #start}.
     */
    public void desktop(DesktopAttention attention, TrayIconHost tray) {
        this.attentionHost = attention;
        this.trayHost = tray;
    }

    /**
     * The console's disk work before its window: reads the window's settings and opens the supervisor's action
     * journal (it records the sign-in and waits for its commit), so off the FX thread; {@link #start} does what
     * this did not.
     *
     * @throws io.huddle.journal.JournalException when the journal cannot be opened: the console does not run
     *                                            without it
     */
    public void prepare() {
        prepare(null);
    }

    /** As {@link #prepare()}, with the window's settings when the caller has read them already. */
    public void prepare(UserSettings known) {
        settings = known != null ? known : settingsFile.load();
        openJournal();
    }

    private void openJournal() {
        if (journalFailure != null) {
            throw journalFailure; // once is enough: the person is told, the console does not open
        }
        if (journal == null) {
            try {
                journal = JournalSession.open(journalDir, signedIn, Clock.systemUTC(), status -> {
                    ConsoleSession target = statusTo.get();
                    if (target != null) {
                        target.journalStatus(status);
                    }
                });
            } catch (RuntimeException e) {
                journalFailure = e;
                throw e;
            }
        }
    }

    /** What a person is told when the journal cannot be opened. */
    static String journalUnavailable(RuntimeException e) {
        return "Huddle records every supervisor action in a journal on this device, and it could not be opened:\n\n"
                + e.getMessage() + "\n\nThe console does not run without it.";
    }

    @Override
    public void start(Stage primary, Runnable exit) {
        UserSettings settings = this.settings != null ? this.settings : settingsFile.load();
        Theme.apply(settings.dark());
        try {
            openJournal();
        } catch (RuntimeException e) {
            // Every supervisor action must be recorded: without its journal the console does not open.
            LOG.error("the action journal could not be opened in {}", journalDir, e);
            Alert alert = new Alert(Alert.AlertType.ERROR, journalUnavailable(e));
            alert.setHeaderText("The action journal is not available");
            alert.showAndWait();
            disk.shutdown();
            shutdown.compareAndSet(null, CompletableFuture.completedFuture(null)); // nothing to sign out
            closer.shutdown();
            exit.run();
            return;
        }
        session = new ConsoleSession(signedIn, StreamOptions.defaults(), journal);
        statusTo.set(session);
        session.journalStatus(journal.sync().status());
        String who = signedIn.user().displayName() + " · " + signedIn.user().tenant() + "/"
                + signedIn.user().domain();
        boolean mayAudit = signedIn.user().hasRole("awa_manager") || signedIn.user().hasRole("auditor");
        boolean mayAnalytics = mayAudit || signedIn.user().hasRole("admin");
        window = new ConsoleWindow(primary, session.viewModel(), who, settings, this::save,
                mayAudit ? () -> AuditApp.open(new Stage(), signedIn) : null,
                mayAnalytics ? () -> AnalyticsApp.open(new Stage(), signedIn,
                        preset -> AuditApp.open(new Stage(), signedIn, preset)) : null,
                demoAgent == null ? null : this::openDemoAgent);
        primary.setOnCloseRequest(e -> close().thenRun(exit));
        attendToDesktop(primary, exit); // first: without a notification service, the notices use the tray icon
        DesktopMessages tray = desktopMessages();
        // one answer to "is the supervisor looking at the console": the title, the taskbar and the notices share it
        desktopNotices = new DesktopNotices(session.viewModel().tray(), attention.focused(),
                () -> NotificationSinkChoice.choose(desktop, tray), UiThread.of(session.bridge()));
        desktopNotices.enabled().bind(window.desktopNotifications());
        desktopNotices.onActivated(window::showRequest);
        session.start();
        primary.show();
    }

    /** The title's count and the taskbar while the window is not focused; the tray icon where there is a tray. */
    private void attendToDesktop(Stage primary, Runnable exit) {
        ConsoleViewModel vm = session.viewModel();
        attention = new AttentionViewModel(AttentionViewModel.baseTitle(signedIn.user().displayName()),
                vm.tray().badge(), vm.tray().arrivals(),
                attentionHost != null ? attentionHost : AwtTaskbarAttention.ofThisDesktop());
        attention.focused().bind(primary.focusedProperty());
        // set, not bound: a window that is closing may still be given another title
        primary.setTitle(attention.title().get());
        attention.title().addListener((o, was, title) -> primary.setTitle(title));
        TrayIconHost host = trayHost != null ? trayHost : new AwtTrayIcon(UiThread.of(session.bridge()));
        trayHost = host;
        trayIcon = new TrayIconViewModel(vm.tray().badge(), vm.presence(), () -> {
            primary.setIconified(false);
            primary.show();
            primary.toFront();
            primary.requestFocus();
        }, () -> close().thenRun(exit), host);
        trayIcon.install();
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
            if (closed != null) {
                return; // the console closed while the agent signed in: no window, and no session to stop
            }
            Stage stage = new Stage();
            CompletableFuture<Void> agentClosed = new CompletableFuture<>();
            AgentApp.open(stage, agent, agentSettings, () -> agentClosed.complete(null));
            agentWindows.add(stage);
            agentsClosed.add(agentClosed);
        }));
    }

    public ConsoleSession session() {
        return session;
    }

    public ConsoleWindow window() {
        return window;
    }

    public AttentionViewModel attention() {
        return attention;
    }

    /** Balloons from the tray icon, once the console has started: false from each where there is no tray. */
    public DesktopMessages desktopMessages() {
        return trayHost != null ? trayHost : TrayIconHost.none();
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

    /**
     * Closes the console, as its window's close button does; on the FX thread (any thread if it never
     * started: then there is no window and only its journal to sign out and close), and returns at once: hides
     * the console and the agent windows it opened (the console's place is saved as it hides), then stops
     * the stream, signs out (journaled, with what the journal holds uploaded within {@link #SIGN_OUT_UPLOAD}),
     * closes the journal and finishes the settings saves on the console's shutdown thread. The future
     * completes when that is done, or after {@link #SHUTDOWN_BOUND} (logged); calling it again returns the
     * same future.
     */
    public CompletableFuture<Void> close() {
        if (closed != null) {
            return closed;
        }
        if (trayIcon != null) {
            trayIcon.remove();
        }
        List<CompletableFuture<Void>> agents = List.copyOf(agentsClosed);
        agentWindows.forEach(Stage::hide); // each saves its place and closes its stream off the FX thread
        if (window != null) {
            window.stage().hide(); // its onHidden queues the save of the window's place
        }
        closed = shutdown(agents);
        return closed;
    }

    /**
     * The part of {@link #close} that needs no FX thread: stops the stream, signs out (journaled), closes the
     * journal and finishes the settings saves, once: a second call, from the window's close or from the JVM's
     * shutdown ({@link ExitSignOut}), returns the same future. Any thread.
     */
    public CompletableFuture<Void> shutdown() {
        return shutdown(List.of()); // the JVM is stopping: agent windows go with it
    }

    private CompletableFuture<Void> shutdown(List<CompletableFuture<Void>> agents) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (!shutdown.compareAndSet(null, mine)) {
            return shutdown.get();
        }
        ConsoleSession s = session;
        JournalSession j = journal;
        CompletableFuture.runAsync(() -> shutdown(s, j, agents), closer)
                .orTimeout(SHUTDOWN_BOUND.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, failure) -> {
                    if (failure instanceof TimeoutException) {
                        LOG.warn("the console had not shut down after {} s; exiting anyway",
                                SHUTDOWN_BOUND.toSeconds());
                    } else if (failure != null) {
                        LOG.error("the console's shutdown failed", failure);
                    }
                    mine.complete(null);
                });
        closer.shutdown(); // the shutdown runs; the thread ends after it
        return mine;
    }

    /** On the shutdown thread: every step has its own bound; none touches a node. */
    private void shutdown(ConsoleSession s, JournalSession j, List<CompletableFuture<Void>> agents) {
        DesktopNotices notices = desktopNotices;
        if (notices != null) {
            notices.close(); // its bubble goes with the console
        }
        if (s != null) {
            s.close();
        }
        if (j != null) {
            j.signOut(SIGN_OUT_UPLOAD);
            j.close();
        }
        disk.shutdown();
        try {
            if (!disk.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("settings were still being saved at exit");
            }
            CompletableFuture.allOf(agents.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("an agent window had not closed at exit: {}", e.toString());
        }
    }
}
