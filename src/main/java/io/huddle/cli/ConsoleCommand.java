package io.huddle.cli;

import io.huddle.AppDirs;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.console.ConsoleApp;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import io.huddle.ui.FxLauncher;
import io.huddle.ui.SignInViewModel;
import io.huddle.ui.SignInWindow;
import io.huddle.ui.Theme;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huddle console}: the supervisor console. Without {@code --server} it starts the embedded demo
 * gateway on a free loopback port and signs in as acme supervisor1; with it, it asks for a sign-in.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the supervisor console (the embedded demo gateway unless --server is given).")
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--server", description = "Gateway address, e.g. http://gateway:8787. Asks for a sign-in.")
    String server;

    @Option(names = "--data", description = "Where the embedded demo gateway keeps its data "
            + "(default: the user's data directory + /demo-gateway).")
    Path data;

    @Override
    public Integer call() throws Exception {
        SettingsFile settings = new SettingsFile(AppDirs.data().resolve("console-settings.json"));
        if (server == null) {
            try (GatewayServer embedded = EmbeddedDemo.start(data)) {
                URI base = URI.create(embedded.baseUrl());
                SignedIn session = GatewayClient.signIn(base, "acme", "supervisor1", EmbeddedDemo.PASSWORD);
                FxLauncher.run(new ConsoleApp(session, settings, EmbeddedDemo.agentWindow(base),
                        AuditLauncher.forSession(session)));
            }
            return 0;
        }
        UserSettings saved = settings.load();
        ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "huddle-sign-in"));
        try {
            FxLauncher.run((stage, exit) -> {
                Theme.apply(saved.dark());
                var bridge = new io.huddle.ui.FxBridge<Runnable>(batch -> batch.forEach(Runnable::run));
                bridge.start();
                SignInViewModel vm = new SignInViewModel("awa_manager", "a supervisor", bridge::post, io,
                        session -> {
                            bridge.stop();
                            UserSettings next = settings.load().withSignIn(session.base().toString(),
                                    session.user().tenant(), session.user().username());
                            saveQuietly(settings, next);
                            ConsoleApp app = new ConsoleApp(session, settings, null,
                                    AuditLauncher.forSession(session));
                            try {
                                app.start(stage, exit);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                vm.server().set(server);
                vm.tenant().set(saved.tenant() == null ? "" : saved.tenant());
                vm.username().set(saved.username() == null ? "" : saved.username());
                new SignInWindow(stage, vm, "Sign in to Huddle (supervisor)");
                stage.setOnCloseRequest(e -> exit.run());
                stage.show();
            });
        } finally {
            io.shutdownNow();
        }
        return 0;
    }

    static void saveQuietly(SettingsFile file, UserSettings settings) {
        try {
            file.save(settings);
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(ConsoleCommand.class)
                    .warn("settings could not be saved to {}: {}", file.path(), e.getMessage());
        }
    }
}
