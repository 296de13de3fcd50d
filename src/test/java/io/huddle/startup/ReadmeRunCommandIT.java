package io.huddle.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, exactly as a newcomer pastes it, maps the start-up archive that {@code mvn package}
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
