package io.huddle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.console.ConsoleStartup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded demo: it starts and signs in, says each step, and a second one on the same data is refused. */
class EmbeddedDemoTest {
    @TempDir
    Path dir;

    @Test
    void aSecondDemoOnTheSameDataIsRefusedInWordsUntilTheFirstIsClosed() throws Exception {
        List<String> steps = new ArrayList<>();
        try (EmbeddedDemo first = new EmbeddedDemo(dir)) {
            ConsoleStartup.Started started = first.startAndSignIn(steps::add);
            assertThat(started.supervisor().user().username()).isEqualTo("supervisor1");
            assertThat(started.demoAgent().call().user().username()).isEqualTo("agent1");
            assertThat(steps).containsExactly("Signing in as supervisor1 of acme…");

            try (EmbeddedDemo second = new EmbeddedDemo(dir)) {
                assertThatThrownBy(() -> second.startAndSignIn(s -> { }))
                        .isInstanceOfSatisfying(ConsoleStartup.StartFailure.class, f -> {
                            assertThat(f.headline()).isEqualTo("The demo contact center is already running");
                            assertThat(f.getMessage()).contains(dir.toString(), "close it and start Huddle again");
                        });
            }
        }
        try (EmbeddedDemo again = new EmbeddedDemo(dir)) {
            assertThat(again.startAndSignIn(s -> { }).supervisor().user().username()).isEqualTo("supervisor1");
        }
    }
}
