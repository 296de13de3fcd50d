package io.huddle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class LogFolderLinkTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void itOpensTheLogFolder() throws Exception {
        Path dir = Path.of("/tmp/huddle-state/huddle/logs");
        List<URI> opened = new ArrayList<>();
        LogFolderLink link = WaitForAsyncUtils.asyncFx(() -> new LogFolderLink(() -> Optional.of(dir), opened::add))
                .get();
        WaitForAsyncUtils.asyncFx(link::fire).get();
        assertThat(opened).containsExactly(dir.toUri());
        assertThat(link.isDisabled()).isFalse();
        assertThat(link.getTooltip().getText()).isEqualTo(dir.toString());
    }

    @Test
    void withoutALogFileItSaysSoAndCannotBeUsed() throws Exception {
        LogFolderLink link = WaitForAsyncUtils.asyncFx(() -> new LogFolderLink(Optional::empty, u -> {
            throw new AssertionError("nothing to open");
        })).get();
        assertThat(link.isDisabled()).isTrue();
        assertThat(link.getAccessibleHelp()).isEqualTo("No log file is written");
    }

    @Test
    void aFolderThatCannotBeOpenedIsNamedInstead() throws Exception {
        Path dir = Path.of("/tmp/huddle-state/huddle/logs");
        LogFolderLink link = WaitForAsyncUtils.asyncFx(() -> new LogFolderLink(() -> Optional.of(dir), u -> {
            throw new IOException("no file manager");
        })).get();
        WaitForAsyncUtils.asyncFx(link::fire).get();
        assertThat(link.getTooltip().getText()).isEqualTo("Could not open it; the logs are in " + dir);
    }
}
