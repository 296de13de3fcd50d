package io.huddle.agent;

import io.huddle.client.SignedIn;
import io.huddle.client.StreamOptions;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the agent mini-window for a signed-in agent; closing the window ends the session. */
public final class AgentApp {
    private static final Logger LOG = LoggerFactory.getLogger(AgentApp.class);

    private AgentApp() {
    }

    /** Opens the window; {@code onClosed} runs after the session has stopped. */
    public static AgentSession open(Stage stage, SignedIn session, SettingsFile settingsFile, Runnable onClosed) {
        UserSettings settings = settingsFile.load();
        AgentSession agent = new AgentSession(session, StreamOptions.defaults());
        ExecutorService disk = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "huddle-agent-settings");
            t.setDaemon(true);
            return t;
        });
        java.util.function.Consumer<UserSettings> save = s -> {
            if (!disk.isShutdown()) {
                disk.execute(() -> {
                    try {
                        settingsFile.save(s);
                    } catch (IOException e) {
                        LOG.warn("agent window settings could not be saved to {}: {}", settingsFile.path(),
                                e.getMessage());
                    }
                });
            }
        };
        AgentWindow window = new AgentWindow(stage, agent.viewModel(), session.user().displayName(), settings,
                save);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            save.accept(window.current());
            agent.close();
            disk.shutdown();
            onClosed.run();
        });
        agent.start();
        stage.show();
        return agent;
    }
}
