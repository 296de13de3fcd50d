package io.huddle.console;

import io.huddle.client.SignedIn;
import io.huddle.journal.JournalException;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.ui.FxBridge;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.StartingView;
import io.huddle.ui.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo console's start: its window shows at once, in the console's place, saying what is starting, while
 * the embedded demo gateway starts, the supervisor signs in and the action journal opens on the startup
 * thread; then the same window becomes the console. {@link #begin} starts that work before the JavaFX toolkit
 * (which takes a second or more of its own), so the two run side by side; whichever is ready last opens the
 * console. A failure to start is said in that window, in words, with
 * a Quit button. Closing the window while it starts stops the start: what was started is closed, then the app
 * exits.
 */
public final class ConsoleStartup implements FxLauncher.FxApp {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleStartup.class);
    /** How long a close while starting waits for the start to finish (and be undone) before the app exits. */
    static final Duration CANCEL_BOUND = Duration.ofSeconds(10);

    /** The work before the console can open, on the startup thread; tells each step it begins. */
    @FunctionalInterface
    public interface Starter {
        Started start(Consumer<String> step) throws Exception;
    }

    /** A signed-in supervisor, and the demo agent whose window the console can open (or null). */
    public record Started(SignedIn supervisor, Callable<SignedIn> demoAgent) {
    }

    /** A failure to start, in words for the person in front of the window. */
    public static final class StartFailure extends Exception {
        private final String headline;

        public StartFailure(String headline, String detail, Throwable cause) {
            super(detail, cause);
            this.headline = headline;
        }

        public String headline() {
            return headline;
        }
    }

    private final Starter starter;
    private final SettingsFile settings;
    private final SettingsFile agentSettings;
    private final Path journalDir;
    private final Consumer<ConsoleApp> built;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "huddle-console-startup");
        t.setDaemon(true); // a close while starting does not wait longer than CANCEL_BOUND for it
        return t;
    });
    private final FxBridge<Runnable> bridge = new FxBridge<>(batch -> batch.forEach(Runnable::run));
    /** The console, prepared and not yet shown: whoever takes it (showing it, or a close) owns it. */
    private final AtomicReference<ConsoleApp> prepared = new AtomicReference<>();
    private final CompletableFuture<Void> startDone = new CompletableFuture<>();
    private volatile boolean cancelled;
    /** The window's settings, read once on the startup thread and handed to the window and the console. */
    private final CompletableFuture<UserSettings> saved = new CompletableFuture<>();
    private volatile boolean failed;
    /** The step the start is at, for the window once it shows. */
    private final AtomicReference<String> step = new AtomicReference<>("Starting the demo contact center…");
    private boolean begun;
    /** Guards the hand-over between the startup thread and the FX thread: the window, and what waits for it. */
    private final Object handover = new Object();
    private StartingView view;
    private Stage window;
    private Runnable windowExit;
    /** What the startup thread finished with before the window showed: open the console, or say the failure. */
    private Runnable whenShown;

    public ConsoleStartup(Starter starter, SettingsFile settings, SettingsFile agentSettings) {
        this(starter, settings, agentSettings, settings.path().toAbsolutePath().resolveSibling("journal"));
    }

    /** @param journalDir where the supervisor's action journal is kept */
    public ConsoleStartup(Starter starter, SettingsFile settings, SettingsFile agentSettings, Path journalDir) {
        this(starter, settings, agentSettings, journalDir, app -> { });
    }

    /** @param built told of the console as soon as it is built (the launcher's exit sign-out), on the startup thread */
    public ConsoleStartup(Starter starter, SettingsFile settings, SettingsFile agentSettings, Path journalDir,
                          Consumer<ConsoleApp> built) {
        this.built = built;
        this.starter = starter;
        this.settings = settings;
        this.agentSettings = agentSettings;
        this.journalDir = journalDir;
    }

    /**
     * Reads the window's settings and starts the work on the startup thread, before the toolkit starts; the
     * window, once {@link #start}ed, shows its progress. {@link #start} calls it when nobody did.
     */
    public synchronized void begin() {
        if (begun) {
            return;
        }
        begun = true;
        worker.execute(() -> {
            saved.complete(readSettings()); // the window's place and theme, read while the toolkits start
            prepare();
        });
        worker.shutdown(); // the start runs; the thread ends after it
    }

    /** The settings, or the defaults when they cannot be had: the window waits for them, so never nothing. */
    private UserSettings readSettings() {
        try {
            return settings.load();
        } catch (RuntimeException e) {
            LOG.warn("the console's settings could not be read; using defaults", e);
            return UserSettings.defaults();
        }
    }

    @Override
    public void start(Stage primary, Runnable exit) {
        begin();
        UserSettings saved = this.saved.join(); // read by now, most often: the toolkit takes longer to start
        Theme.apply(saved.dark());
        StartingView view = StartingView.starting("Huddle supervisor console",
                "Demo mode: a simulated contact center on this computer, signed in as supervisor1 of acme.",
                step.get());
        Scene scene = new Scene(view, ConsoleWindow.WIDTH, ConsoleWindow.HEIGHT);
        Theme.style(scene);
        FxLauncher.placeholder(scene);
        primary.setScene(scene);
        primary.setTitle(ConsoleWindow.TITLE);
        ConsoleWindow.restorePlace(primary, saved.windows().get("console"));
        primary.setOnCloseRequest(e -> cancel(primary, exit));
        bridge.start();
        primary.show();
        Runnable waiting;
        synchronized (handover) {
            this.view = view;
            this.window = primary;
            this.windowExit = exit;
            waiting = whenShown;
            whenShown = null;
        }
        view.step(step.get()); // a step taken between reading it above and now
        if (waiting != null) {
            waiting.run();
        }
    }

    /** On the startup thread: the gateway, the sign-in and the journal; never a node. */
    private void prepare() {
        try {
            Started started = starter.start(this::step);
            if (cancelled) {
                return;
            }
            ConsoleApp console = new ConsoleApp(started.supervisor(), settings, started.demoAgent(), agentSettings,
                    journalDir);
            built.accept(console);
            step("Opening the console…");
            console.prepare(saved.join());
            prepared.set(console);
            onWindow(this::open);
        } catch (Exception | LinkageError e) {
            if (!cancelled) {
                LOG.error("the demo console could not start", e);
                onWindow((primary, exit) -> fail(e, primary, exit));
            }
        } finally {
            startDone.complete(null);
        }
    }

    /** On the startup thread: the step it is at, shown in the window if it shows yet. */
    private void step(String now) {
        step.set(now);
        StartingView shown;
        synchronized (handover) {
            shown = view;
        }
        if (shown != null) {
            bridge.post(() -> shown.step(now));
        }
    }

    /** Runs {@code then} on the FX thread with the window: at once if it shows, else as soon as it does. */
    private void onWindow(java.util.function.BiConsumer<Stage, Runnable> then) {
        Stage primary;
        Runnable exit;
        synchronized (handover) {
            primary = window;
            exit = windowExit;
            if (primary == null) {
                whenShown = () -> then.accept(window, windowExit); // run by start(), on the FX thread
                return;
            }
        }
        bridge.post(() -> then.accept(primary, exit));
    }

    /** On the FX thread: the same window becomes the console. */
    private void open(Stage primary, Runnable exit) {
        ConsoleApp console = prepared.getAndSet(null);
        if (console == null) {
            return;
        }
        bridge.stop();
        console.start(primary, exit);
    }

    private void fail(Throwable e, Stage primary, Runnable exit) {
        bridge.stop();
        failed = true;
        String headline;
        String detail;
        if (e instanceof StartFailure f) {
            headline = f.headline();
            detail = f.getMessage();
        } else if (e instanceof JournalException j) {
            headline = "The action journal is not available";
            detail = ConsoleApp.journalUnavailable(j);
        } else {
            headline = "The demo contact center could not start";
            detail = (e.getMessage() != null ? e.getMessage() : e.toString()) + "\n\nTry starting Huddle again.";
        }
        Scene scene = new Scene(StartingView.failed(headline, detail, () -> {
            primary.hide();
            exit.run();
        }), primary.getScene().getWidth(), primary.getScene().getHeight());
        Theme.style(scene);
        primary.setScene(scene);
        primary.setTitle("Huddle — " + headline.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + headline.substring(1));
        primary.setOnCloseRequest(ev -> exit.run());
    }

    /**
     * The window closed while starting: it goes at once; the start cannot be cut short (the gateway starts in
     * one call), so once it has finished, a console that was prepared is closed (its sign-out journaled) and
     * the app exits, within {@link #CANCEL_BOUND}.
     */
    private void cancel(Stage primary, Runnable exit) {
        if (cancelled) {
            return;
        }
        cancelled = true;
        bridge.stop();
        primary.hide();
        startDone.orTimeout(CANCEL_BOUND.toMillis(), TimeUnit.MILLISECONDS)
                .handle((v, timeout) -> prepared.getAndSet(null))
                .thenCompose(console -> console == null ? CompletableFuture.completedFuture(null) : console.close())
                .whenComplete((v, failure) -> exit.run());
    }

    /** Completes when the work on the startup thread has ended, well or not (its outcome waits for the window). */
    CompletableFuture<Void> workDone() {
        return startDone;
    }

    /** Whether the start failed (the app then exits with a failure status). */
    public boolean failed() {
        return failed;
    }
}
