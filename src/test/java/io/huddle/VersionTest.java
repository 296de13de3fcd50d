package io.huddle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `huddle --version` says the version the installers carry: the project's (or the one given), without -SNAPSHOT. */
class VersionTest {
    @Test
    void versionIsThePackagesVersion() {
        String maven = System.getProperty("huddle.version.source");
        assertThat(maven).as("set by the build").isNotBlank();
        String packaged = maven.replaceFirst("-SNAPSHOT$", "");

        StringWriter out = new StringWriter();
        int exit = new CommandLine(new Huddle()).setOut(new PrintWriter(out)).execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo("huddle " + packaged);
        // jpackage's --app-version takes numbers and dots only
        assertThat(Version.current()).matches("\\d+(\\.\\d+)*");
    }
}
