package io.huddle.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.testing.Processes;
import io.huddle.testing.VirtualDisplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, exactly as a newcomer pastes it, shows its splash screen until the console's window
 * shows (on a display of the test's own: Xvfb), and maps the start-up archive that {@code mvn package}
 * makes (target/huddle.jsa): Huddle's own classes and JavaFX's come from it, not from the jars. Run after the
 * package phase, with {@code console} replaced by {@code --version} (no display needed) and {@code -Xshare:on},
 * under which the JVM refuses to start at all when the archive it is told to map cannot be used.
 */
@Tag("startup")
class ReadmeRunCommandIT {

    @Test
    void theReadmeRunCommandMapsTheStartupArchive() throws Exception {
        List<String> command = readmeRunCommand();
        assertThat(command).first().isEqualTo("java");
        assertThat(command).last().isEqualTo("console");

        List<String> probe = new ArrayList<>();
        probe.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        probe.add("-Xshare:on");
        probe.add("-Xlog:class+load=info");
        probe.addAll(command.subList(1, command.size() - 1));
        probe.add("--version");
        Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as("exit status of %s; it said:%n%s", probe, tail(output)).isZero();
        assertThat(output).contains("io.huddle.Huddle source: shared objects file")
                .contains("picocli.CommandLine source: shared objects file");
    }

    /**
     * The README's command, run as pasted on a display of the test's own until the console's first frame: the
     * launcher shows the splash screen it names before Java runs, and the console closes it once its own window
     * has its first frame (a splash left open would sit over the console until the process ends).
     */
    @Test
    void theReadmeRunCommandShowsItsSplashScreenUntilTheConsolesWindow(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(readmeRunCommand());
        assertThat(command).anyMatch(word -> word.startsWith("-splash:"));
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path log = dir.resolve("console.log");
        try (VirtualDisplay display = VirtualDisplay.start(dir.resolve("xvfb.log"))) {
            ProcessBuilder pb = display.app(command, dir, log);
            pb.environment().put("JAVA_TOOL_OPTIONS", "-Dhuddle.exitAfterFirstFrame=true");
            Process console = pb.start();
            boolean ended;
            try {
                ended = console.waitFor(120, TimeUnit.SECONDS);
            } finally {
                Processes.stop(console, Duration.ofSeconds(20));
            }
            String output = Files.readString(log);
            assertThat(ended).as("the console closed itself after its first frame; it said:%n%s", tail(output))
                    .isTrue();
            assertThat(console.exitValue()).as("exit status; it said:%n%s", tail(output)).isZero();
            int firstWindow = output.indexOf("first frame (starting) of 'Huddle");
            int splashClosed = output.indexOf("the launcher's splash screen closed (the first window is shown)");
            assertThat(firstWindow).as("the console's first window; it said:%n%s", tail(output)).isNotNegative();
            assertThat(splashClosed).as("the splash screen was shown and closed; it said:%n%s", tail(output))
                    .isGreaterThan(firstWindow);
        }
    }

    /** The command after the build in README.md's "Run it" block, split into words. */
    private static List<String> readmeRunCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Run it");
        assertThat(section).as("README.md has a 'Run it' section").isNotNegative();
        int block = readme.indexOf("```sh", section);
        int end = readme.indexOf("```", block + 5);
        return readme.substring(block + 5, end).lines()
                .filter(line -> line.startsWith("java "))
                .findFirst()
                .map(line -> Arrays.asList(line.trim().split("\\s+")))
                .orElseThrow(() -> new AssertionError("no java command in README.md's 'Run it' block"));
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 20), lines.length));
    }
}
