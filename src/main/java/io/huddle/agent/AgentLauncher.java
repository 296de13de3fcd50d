package io.huddle.agent;

import io.huddle.settings.SettingsFile;
import io.huddle.ui.SignInFlow;
import javafx.stage.Stage;

/** Starts the agent mini-window after a sign-in; blocks until it is closed. */
public final class AgentLauncher {
    private AgentLauncher() {
    }

    public static void runWithSignIn(String server, SettingsFile settings) throws InterruptedException {
        SignInFlow.run(server, settings, "awa_agent", "an agent", "Sign in to Huddle (agent)",
                (signInStage, session, exit) -> {
                    signInStage.hide();
                    AgentApp.open(new Stage(), session, settings, exit);
                });
    }
}
