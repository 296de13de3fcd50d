package io.huddle.ui;

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
 * and user (never the password) on success, then hands the stage to the app. Blocks until the app exits.
 */
public final class SignInFlow {
    private static final Logger LOG = LoggerFactory.getLogger(SignInFlow.class);

    private SignInFlow() {
    }

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
        UserSettings saved = settings.load();
        ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "huddle-sign-in"));
        try {
            FxLauncher.run((stage, exit) -> {
                Theme.apply(saved.dark());
                FxBridge<Runnable> bridge = new FxBridge<>(batch -> batch.forEach(Runnable::run));
                bridge.start();
                SignInViewModel vm = new SignInViewModel(requiredRole, roleName, UiThread.of(bridge), io, session -> {
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
                new SignInWindow(stage, vm, title);
                stage.setOnCloseRequest(e -> exit.run());
                stage.show();
            });
        } finally {
            io.shutdownNow();
        }
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
