package io.huddle.ui;

import io.huddle.client.Browser;
import io.huddle.client.BrowserSignIn;
import io.huddle.client.SignInOptions;
import io.huddle.client.SignedIn;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in form as the first window of an app: prefilled from the settings, remembers server, tenant
 * and user (never the password) on success, then hands the stage to the app. {@link #run} blocks until the app
 * exits; {@link #start} shows the form on a stage the caller owns.
 */
public final class SignInFlow implements FxLauncher.FxApp {
    private static final Logger LOG = LoggerFactory.getLogger(SignInFlow.class);

    /** What runs after a successful sign-in, on the FX thread, with the sign-in window's stage. */
    @FunctionalInterface
    public interface Then {
        void open(Stage stage, SignedIn session, Runnable exit) throws Exception;
    }

    /** What runs after a successful sign-in and before {@link Then}, off the FX thread: the app's disk work. */
    @FunctionalInterface
    public interface Prepare {
        void prepare(SignedIn session);
    }

    /** Which app signs in: the role it needs, how to name that role to a person, the window's title. */
    public record App(String requiredRole, String roleName, String title) {
    }

    private final String server;
    private final SettingsFile settings;
    private final App app;
    private final Prepare prepare;
    private final Then then;
    private final Browser browser;
    private final ExecutorService io;

    /**
     * @param server  the gateway's address from the command line, or null for the remembered one
     * @param browser opens the identity provider's page for single sign-on
     * @param io      the form's network calls and {@code prepare}; the caller owns it
     */
    public SignInFlow(String server, SettingsFile settings, App app, Prepare prepare, Then then, Browser browser,
                      ExecutorService io) {
        this.server = server;
        this.settings = settings;
        this.app = app;
        this.prepare = prepare;
        this.then = then;
        this.browser = browser;
        this.io = io;
    }

    public static void run(String server, SettingsFile settings, String requiredRole, String roleName, String title,
                           Then then) throws InterruptedException {
        run(server, settings, requiredRole, roleName, title, session -> { }, then);
    }

    /**
     * Shows the sign-in form; after a successful sign-in it remembers the details and runs {@code prepare} on its
     * background thread (the form stays disabled meanwhile), then {@code then} on the FX thread.
     */
    public static void run(String server, SettingsFile settings, String requiredRole, String roleName, String title,
                           Prepare prepare, Then then) throws InterruptedException {
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "huddle-sign-in");
            t.setDaemon(true);
            return t;
        });
        try {
            FxLauncher.run(new SignInFlow(server, settings, new App(requiredRole, roleName, title), prepare, then,
                    new SystemBrowser(), io));
        } finally {
            io.shutdownNow();
        }
    }

    @Override
    public void start(Stage stage, Runnable exit) {
        UserSettings saved = settings.load();
        Theme.apply(saved.dark());
        FxBridge<Runnable> bridge = new FxBridge<>(batch -> batch.forEach(Runnable::run));
        bridge.start();
        SignInViewModel vm = new SignInViewModel(app.requiredRole(), app.roleName(), UiThread.of(bridge), io,
                SignInOptions::fetch, browser, BrowserSignIn.DEFAULT_WAIT, session -> {
            stage.getScene().getRoot().setDisable(true);
            CompletableFuture.runAsync(() -> {
                remember(settings, session);
                prepare.prepare(session);
            }, io).whenComplete((done, failure) -> bridge.postNow(() -> {
                bridge.stop();
                if (failure != null) {
                    LOG.error("the app could not be prepared after sign-in", failure);
                    exit.run();
                    return;
                }
                try {
                    then.open(stage, session, exit);
                } catch (Exception e) {
                    LOG.error("the window after sign-in could not be opened", e);
                    exit.run();
                }
            }));
        });
        vm.server().set(server != null ? server : orEmpty(saved.server()));
        vm.tenant().set(orEmpty(saved.tenant()));
        vm.username().set(orEmpty(saved.username()));
        new SignInWindow(stage, vm, app.title());
        stage.setOnCloseRequest(e -> {
            vm.sso().cancel();
            exit.run();
        });
        stage.show();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void remember(SettingsFile settings, SignedIn session) {
        try {
            settings.save(settings.load().withSignIn(session.base().toString(), session.user().tenant(),
                    session.user().username()));
        } catch (IOException e) {
            LOG.warn("sign-in details could not be remembered in {}: {}", settings.path(), e.getMessage());
        }
    }
}
