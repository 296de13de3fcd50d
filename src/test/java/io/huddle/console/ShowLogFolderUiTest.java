package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.e2e.AgentUi;
import io.huddle.e2e.ConsoleUi;
import io.huddle.e2e.ConsoleUiTest;
import io.huddle.e2e.Fx;
import io.huddle.logging.DesktopLogFile;
import io.huddle.ui.LogFolderLink;
import java.nio.file.Path;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's help and the agent window lead to the folder of the running log file. */
class ShowLogFolderUiTest extends ConsoleUiTest {
    private Path logs;

    @BeforeEach
    void logFile() {
        logs = dir.resolve("state/huddle/logs");
        assertThat(DesktopLogFile.start(logs, "console")).isNotNull();
    }

    @AfterEach
    void noLogFile() {
        DesktopLogFile.stop();
    }

    @Test
    void theConsolesHelpShowsTheLogFolder() {
        fx.interaction("agent1", Channel.VOICE);
        ConsoleUi console = fx.openConsole("supervisor1");
        console.focus();
        robot.push(KeyCode.F1);
        Fx.eventually(() -> assertThat(console.visible("#help-overlay")).isTrue());

        Hyperlink link = console.node("#" + LogFolderLink.ID);
        assertThat(Fx.call(() -> link.isVisible() && !link.isDisabled())).isTrue();
        assertThat(Fx.call(() -> link.getTooltip().getText())).isEqualTo(logs.toString());
        assertThat(Fx.call(link::getParent)).isSameAs(Fx.call(() -> console.node("#help-overlay .help-card")));
    }

    @Test
    void theAgentWindowShowsTheLogFolder() {
        AgentUi agent = fx.openAgentWindow("agent1");
        Hyperlink link = agent.node("#" + LogFolderLink.ID);
        assertThat(Fx.call(() -> !link.isDisabled())).isTrue();
        assertThat(Fx.call(() -> link.getAccessibleHelp())).isEqualTo("Opens " + logs + " in the file manager");
    }
}
