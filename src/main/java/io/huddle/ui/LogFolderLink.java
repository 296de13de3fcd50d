package io.huddle.ui;

import io.huddle.client.Browser;
import io.huddle.logging.DesktopLogFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Show log folder" in a window's help: opens the folder of the app's log file in the file manager, so a person
 * who meets a problem can send the log. Without a log file it says so and is disabled.
 */
public final class LogFolderLink extends Hyperlink {
    private static final Logger LOG = LoggerFactory.getLogger(LogFolderLink.class);
    public static final String ID = "show-log-folder";

    /** The running log file's folder, opened by the system's file manager. */
    public LogFolderLink() {
        this(DesktopLogFile::folder, new SystemBrowser());
    }

    public LogFolderLink(Supplier<Optional<Path>> folder, Browser opener) {
        super("Show log folder");
        setId(ID);
        Optional<Path> dir = folder.get();
        setAccessibleText("Show log folder");
        setAccessibleHelp(dir.map(d -> "Opens " + d + " in the file manager").orElse("No log file is written"));
        setTooltip(new Tooltip(dir.map(Path::toString).orElse("No log file is written")));
        setDisable(dir.isEmpty());
        setOnAction(e -> dir.ifPresent(d -> {
            try {
                opener.open(d.toUri());
            } catch (IOException ex) {
                LOG.warn("the log folder {} could not be opened: {}", d, ex.getMessage());
                getTooltip().setText("Could not open it; the logs are in " + d);
            }
        }));
    }
}
