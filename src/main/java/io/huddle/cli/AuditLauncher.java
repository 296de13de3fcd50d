package io.huddle.cli;

import io.huddle.client.SignedIn;
import java.util.function.Consumer;
import javafx.stage.Stage;

/** Opens the audit search for a signed-in supervisor or auditor (null when the role may not search). */
final class AuditLauncher {
    private AuditLauncher() {
    }

    static Consumer<Stage> forSession(SignedIn session) {
        boolean may = session.user().hasRole("awa_manager") || session.user().hasRole("auditor");
        return may ? stage -> io.huddle.console.AuditApp.open(stage, session) : null;
    }
}
