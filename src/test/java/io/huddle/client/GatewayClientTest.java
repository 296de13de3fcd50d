package io.huddle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.gateway.TestGateway;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.ListBody;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayClientTest {
    @TempDir
    Path dir;
    TestGateway gw;
    URI base;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir.resolve("gw"));
        base = URI.create(gw.baseUrl());
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private SignedIn signIn(String user) {
        return GatewayClient.signIn(base, "acme", user, TestGateway.PASSWORD.toCharArray());
    }

    @Test
    void signsInAndReadsWhoAndSettings() {
        SignedIn s = signIn("supervisor1");
        assertThat(s.token()).isNotBlank();
        assertThat(s.toString()).doesNotContain(s.token());
        assertThat(s.user().username()).isEqualTo("supervisor1");
        assertThat(s.expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofHours(11)));
        assertThat(s.streamUri()).isEqualTo(gw.streamUri());
        try (GatewayClient c = new GatewayClient(s)) {
            assertThat(c.me().id()).isEqualTo("acme:supervisor1");
            assertThat(c.me().roles()).containsExactly("awa_manager");
            assertThat(c.settings().tenant()).isEqualTo("acme");
            assertThat(c.settings().helpReasons()).contains("Policy question");
        }
    }

    @Test
    void aWrongPasswordIsA401WithTheGatewaysMessage() {
        assertThatThrownBy(() -> GatewayClient.signIn(base, "acme", "supervisor1", "nope".toCharArray()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("unauthorized");
                    assertThat(e.getMessage()).isEqualTo("unknown tenant, user name or password");
                });
    }

    @Test
    void aClosedPortIsUnreachableWithAReadableMessage() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> GatewayClient.signIn(nowhere, "acme", "supervisor1", "demo".toCharArray()))
                .isInstanceOf(GatewayUnreachableException.class)
                .hasMessage("cannot reach the gateway at http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void aGatewayThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    ignored.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // closed by the test
                }
            });
            acceptor.start();
            URI mute = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            assertThatThrownBy(() -> GatewayClient.signIn(mute, "acme", "supervisor1", "demo".toCharArray(),
                    Duration.ofSeconds(5), Duration.ofMillis(300)))
                    .isInstanceOf(GatewayUnreachableException.class)
                    .hasMessageEndingWith(": no answer within 300 ms");
        }
    }

    @Test
    void readsTheFloorOfASupervisor() {
        Interaction ix = gw.startInteraction("acme", "agent1", Channel.VOICE);
        String agentToken = gw.signIn("acme", "agent1");
        assertThat(gw.call("POST", "/api/v1/help-requests", agentToken, "{\"interactionId\":\"" + ix.id()
                + "\",\"reason\":\"Policy question\"}").statusCode()).isEqualTo(201);
        try (GatewayClient c = new GatewayClient(signIn("supervisor1"))) {
            assertThat(c.interactions()).extracting(i -> i.id()).containsExactly(ix.id());
            assertThat(c.interaction(ix.id()).helpRequested()).isTrue();
            assertThat(c.controls(ix.id()).monitor().enabled()).isTrue();
            assertThat(c.transcript(ix.id())).isEmpty();
            ListBody<HelpRequestDto> open = c.helpRequests(HelpRequestFilter.all()
                    .withStatus(HelpRequestStatus.PENDING));
            assertThat(open.items()).extracting(HelpRequestDto::interactionId).containsExactly(ix.id());
            assertThat(open.nextCursor()).isNull();
            assertThatThrownBy(() -> c.controls("ix-missing"))
                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("not_found");
                        assertThat(e.getMessage()).contains("ix-missing");
                    });
        }
    }

    @Test
    void searchesPagesAndExportsTheAuditLog() throws IOException {
        Interaction a = gw.startInteraction("acme", "agent1", Channel.VOICE);
        Interaction b = gw.startInteraction("acme", "agent2", Channel.VOICE);
        String sup = gw.signIn("acme", "supervisor1");
        for (Interaction ix : List.of(a, b)) {
            assertThat(gw.call("POST", "/api/v1/interactions/" + ix.id() + "/actions", sup,
                    "{\"action\":\"MONITOR\"}").statusCode()).isEqualTo(201);
        }
        try (GatewayClient c = new GatewayClient(signIn("supervisor1"))) {
            ListBody<ActionDto> first = c.searchActions(ActionFilter.all().withLimit(1));
            assertThat(first.items()).hasSize(1);
            assertThat(first.nextCursor()).isNotNull();
            ListBody<ActionDto> second = c.searchActions(ActionFilter.all().withLimit(1)
                    .withCursor(first.nextCursor()));
            assertThat(second.items()).extracting(ActionDto::interactionId).containsExactly(b.id());
            assertThat(first.items().get(0).action()).isEqualTo(ActionType.MONITOR);

            Path csv = dir.resolve("out/actions.csv");
            long bytes = c.exportActionsCsv(ActionFilter.all(), csv);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(bytes).isEqualTo(Files.size(csv));
            assertThat(lines.get(0)).startsWith("id,action,supervisorId");
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1)).contains(a.id(), "MONITOR");
            try (var files = Files.list(csv.getParent())) {
                assertThat(files).containsExactly(csv);
            }
        }
    }

    @Test
    void aRefusedExportLeavesNoFileBehind() throws IOException {
        try (GatewayClient c = new GatewayClient(signIn("agent1"))) {
            Path csv = dir.resolve("actions.csv");
            assertThatThrownBy(() -> c.exportActionsCsv(ActionFilter.all(), csv))
                    .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(403));
            try (var files = Files.list(dir)) {
                assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("gw");
            }
        }
    }

    @Test
    void afterSignOutTheTokenIsRefused() {
        try (GatewayClient c = new GatewayClient(signIn("supervisor1"))) {
            c.signOut();
            assertThatThrownBy(c::me).isInstanceOfSatisfying(GatewayException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).contains("sign in again");
            });
        }
    }
}
