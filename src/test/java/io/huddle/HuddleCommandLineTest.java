package io.huddle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line builds only the subcommand it is given, and every one for the help. */
class HuddleCommandLineTest {
    static final String[] ALL = {"gateway", "simulator", "console", "agent", "journal", "audit", "admin", "help"};

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndItsUsageSaysWhereItBelongs() {
        CommandLine cl = Huddle.commandLine("console", "--help");
        assertThat(cl.getSubcommands().keySet()).containsExactly("console");
        StringWriter out = new StringWriter();
        assertThat(cl.setOut(new PrintWriter(out)).execute("console", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: huddle console");
    }

    @Test
    void withoutASubcommandOrForHelpEveryOneIsThereInOrder() {
        assertThat(Huddle.commandLine().getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Huddle.commandLine("help").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Huddle.commandLine("--help").getSubcommands().keySet()).containsExactly(ALL);
        StringWriter out = new StringWriter();
        assertThat(Huddle.commandLine("help").setOut(new PrintWriter(out)).execute("help", "gateway")).isZero();
        assertThat(out.toString()).contains("Usage: huddle gateway");
    }

    @Test
    void anUnknownSubcommandIsRefusedWithEveryKnownOneBuilt() {
        StringWriter err = new StringWriter();
        CommandLine cl = Huddle.commandLine("consol");
        assertThat(cl.getSubcommands().keySet()).containsExactly(ALL);
        assertThat(cl.setErr(new PrintWriter(err)).execute("consol")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'consol'");
    }
}
