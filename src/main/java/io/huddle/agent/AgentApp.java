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

/**
 * Opens the agent mini-window for a signed-in agent; closing the window ends the session. The window owns one
 * background thread that saves its place and, once it is closed, closes the stream (which waits for the
 * stream's threads) so that the FX thread never waits for either.
 */
public final class AgentApp {
    private static final Logger LOG = LoggerFactory.getLogger(AgentApp.class);

    private AgentApp() {
    }

    /**
     * Opens the window; {@code onClosed} runs once it is closed, its place saved and the session stopped, on
     * the window's background thread.
     */
    public static AgentSession open(Stage stage, SignedIn session, SettingsFile settingsFile, Runnable onClosed) {
        UserSettings settings = settingsFile.load();
        AgentSession agent = new AgentSession(session, StreamOptions.defaults());
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "huddle-agent-background");
            t.setDaemon(true);
            return t;
        });
        java.util.function.Consumer<UserSettings> save = s -> {
            if (!background.isShutdown()) {
                background.execute(() -> {
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
            if (background.isShutdown()) {
                return;
            }
            save.accept(window.current());
            background.execute(() -> { // after the save, on the same thread
                agent.close();
                onClosed.run();
            });
            background.shutdown(); // the save and the close still run; the thread ends after them
        });
        agent.start();
        stage.show();
        return agent;
    }
}
