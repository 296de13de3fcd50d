package io.huddle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huddle.Huddle;
import io.huddle.ui.DesktopCheck;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code huddle console} and {@code huddle agent} where no window can open: each run is a child JVM started as
 * a person would start Huddle, and must end with status 2 and one line that says what is missing.
 */
@EnabledOnOs(OS.LINUX)
class DesktopStartTest {
    @TempDir
    Path home;

    /** The classes and libraries this test runs with (surefire names them apart from its own booter jar). */
    private static final List<String> CLASS_PATH = List.of(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator));

    private record Run(int status, List<String> lines) {
    }

    private Run run(Map<String, String> env, List<String> jvm, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home));
        command.addAll(jvm);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, CLASS_PATH), Huddle.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited: %s", out).isTrue();
        return new Run(p.exitValue(), out.lines().toList());
    }

    private static void assertOneClearLine(Run run, String saying) {
        assertThat(run.status()).as("%s", run.lines()).isEqualTo(2);
        assertThat(run.lines()).as("one line, no stack trace").hasSize(1);
        assertThat(run.lines().get(0)).contains(saying).contains("huddle gateway").doesNotContain("Exception");
    }

    @Test
    void withoutADisplayTheConsoleAndTheAgentSayWhatIsMissing() throws Exception {
        assertOneClearLine(run(Map.of(), List.of(), "console", "--data", home.resolve("demo").toString()),
                "no display found (DISPLAY is not set)");
        assertOneClearLine(run(Map.of(), List.of(), "agent", "--server", "http://127.0.0.1:9"),
                "no display found (DISPLAY is not set)");
        assertThat(home.resolve("demo")).as("nothing started").doesNotExist();
    }

    @Test
    void withoutGtk3TheyNameThePackageToInstall(@TempDir Path noLibraries) throws Exception {
        // the check looks for libgtk-3.so.0 only in this empty directory, as on a machine without GTK 3
        List<String> jvm = List.of("-D" + DesktopCheck.LIBRARY_PATH + "=" + noLibraries);
        assertOneClearLine(run(Map.of("DISPLAY", ":0"), jvm, "agent", "--server", "http://127.0.0.1:9"),
                "GTK 3 for its windows, and it is missing: install the package libgtk-3-0");
    }

    /**
     * A display that cannot be opened passes the check; JavaFX's own failure becomes the line. JavaFX runs from
     * the module path as the README says, so its start prints no configuration warning before it.
     */
    @Test
    void whenJavaFxItselfCannotStartTheLineSaysSoWithoutAWarning() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0"))
                || Files.exists(Path.of("/usr/lib64/libgtk-3.so.0")), "GTK 3 is installed");
        String modulePath = String.join(File.pathSeparator,
                CLASS_PATH.stream().filter(DesktopStartTest::isJavaFxModule).toList());
        Run run = run(Map.of("DISPLAY", ":" + unusedDisplay()),
                List.of("-p", modulePath, "--add-modules", "javafx.controls"),
                "agent", "--server", "http://127.0.0.1:9");
        assertOneClearLine(run, "JavaFX did not start (Unable to open DISPLAY)");
    }

    private static boolean isJavaFxModule(String entry) {
        String name = Path.of(entry).getFileName().toString();
        return name.startsWith("javafx-") && name.matches(".*-\\d[\\d.]*-[a-z0-9-]+\\.jar");
    }

    /** A display number no X server listens on here. */
    private static int unusedDisplay() throws IOException {
        for (int n = 917; ; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
    }
}
