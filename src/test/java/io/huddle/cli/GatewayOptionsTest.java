package io.huddle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The gateway's options from its configuration file and the environment; the command line wins. */
class GatewayOptionsTest {
    @TempDir
    Path dir;

    private GatewayCommand parse(Map<String, String> env, String... args) {
        GatewayCommand gateway = new GatewayCommand();
        new CommandLine(gateway).setDefaultValueProvider(new OptionDefaults(env)).parseArgs(args);
        return gateway;
    }

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("gateway.properties"), text);
    }

    @Test
    void everyOptionComesFromTheFile() throws Exception {
        Path f = file("# the service's settings\nhost=0.0.0.0\nport=9000\ndata=/srv/huddle\ndemo=true\nno-simulator=true\n");
        GatewayCommand g = parse(Map.of(), "--config", f.toString());
        assertThat(g.host).isEqualTo("0.0.0.0");
        assertThat(g.port).isEqualTo(9000);
        assertThat(g.data).isEqualTo(Path.of("/srv/huddle"));
        assertThat(g.demo).isTrue();
        assertThat(g.noSimulator).isTrue();
    }

    @Test
    void theEnvironmentBeatsTheFileAndTheCommandLineBeatsBoth() throws Exception {
        Path f = file("host=0.0.0.0\nport=9000\n");
        Map<String, String> env = Map.of("HUDDLE_PORT", "9100", "HUDDLE_NO_SIMULATOR", "true");
        GatewayCommand fromEnv = parse(env, "--config", f.toString());
        assertThat(fromEnv.port).isEqualTo(9100);
        assertThat(fromEnv.host).isEqualTo("0.0.0.0");
        assertThat(fromEnv.noSimulator).isTrue();

        GatewayCommand fromFlag = parse(env, "--config", f.toString(), "--port", "9200", "--host", "::1");
        assertThat(fromFlag.port).isEqualTo(9200);
        assertThat(fromFlag.host).isEqualTo("::1");
    }

    @Test
    void theFileCanBeNamedInTheEnvironmentAndWithoutAnyTheDefaultsHold() throws Exception {
        Path f = file("port=9300\n");
        assertThat(parse(Map.of("HUDDLE_CONFIG", f.toString())).port).isEqualTo(9300);
        GatewayCommand plain = parse(Map.of());
        assertThat(plain.port).isEqualTo(8787);
        assertThat(plain.host).isEqualTo("127.0.0.1");
        assertThat(plain.data).isNull();
        assertThat(plain.demo).isFalse();
    }

    @Test
    void aMisspeltSettingIsRefusedNotIgnored() throws Exception {
        Path f = file("host=0.0.0.0\nprot=9000\n");
        assertThatThrownBy(() -> parse(Map.of(), "--config", f.toString()))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("names no option prot of 'gateway'");
    }

    @Test
    void aMissingFileIsAnErrorOnTheCommandLine() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new GatewayCommand()).setDefaultValueProvider(new OptionDefaults(Map.of()))
                .setErr(new PrintWriter(err)).execute("--config", dir.resolve("absent.properties").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the configuration file", "absent.properties", "cannot be read");
    }

    /** A command like the gateway with an option it does not have yet: nothing more is needed for it. */
    @Command(name = "later", defaultValueProvider = OptionDefaults.class)
    static final class Later {
        @Option(names = "--config")
        Path config;
        @Option(names = "--management-port", defaultValue = "0")
        int managementPort;
        @Option(names = "--log-json")
        boolean logJson;
    }

    @Test
    void anOptionAddedLaterWorksFromTheFileAndTheEnvironmentWithNoMoreCode() throws Exception {
        Path f = file("management-port=9090\n");
        Later later = new Later();
        new CommandLine(later).setDefaultValueProvider(new OptionDefaults(Map.of("HUDDLE_LOG_JSON", "true")))
                .parseArgs("--config", f.toString());
        assertThat(later.managementPort).isEqualTo(9090);
        assertThat(later.logJson).isTrue();
    }

    @Test
    void theHelpSaysSo() {
        String usage = new CommandLine(new GatewayCommand()).getUsageMessage();
        assertThat(usage.replaceAll("\\s+", " ")).contains("--config=FILE", "HUDDLE_PORT", "The command line wins");
    }
}
