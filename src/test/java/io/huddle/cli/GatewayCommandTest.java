package io.huddle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** huddle gateway's management options: on by default, on this machine only, and movable or off. */
class GatewayCommandTest {
    @TempDir
    Path dir;

    private static GatewayCommand parse(String... args) {
        GatewayCommand command = new GatewayCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theManagementPortListensOnThisMachineOnlyByDefault() {
        GatewayConfig defaults = parse().config(dir);
        assertThat(defaults.management()).isEqualTo(GatewayConfig.ManagementSettings.on("127.0.0.1", 9787));

        GatewayConfig config = parse("--port", "0", "--management-port", "0").config(dir)
                .withPasswordIterations(1_000);
        try (GatewayServer server = GatewayServer.start(config)) {
            InetSocketAddress at = server.managementAddress().orElseThrow();
            assertThat(at.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(at.getPort()).isPositive().isNotEqualTo(server.port());
        }
    }

    @Test
    void theManagementPortCanMoveOrBeTurnedOff() {
        assertThat(parse("--management-host", "0.0.0.0", "--management-port", "9100").config(dir).management())
                .isEqualTo(GatewayConfig.ManagementSettings.on("0.0.0.0", 9100));
        assertThat(parse("--no-management").config(dir).management().enabled()).isFalse();
        assertThat(parse("--log-json").logJson).isTrue();
        assertThat(parse().logJson).isFalse();
    }
}
