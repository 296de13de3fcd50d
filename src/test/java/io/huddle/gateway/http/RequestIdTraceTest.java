package io.huddle.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.client.ConnectionStatus;
import io.huddle.client.GatewayClient;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamCommands;
import io.huddle.client.StreamListener;
import io.huddle.client.StreamOptions;
import io.huddle.domain.ActionType;
import io.huddle.gateway.TestGateway;
import io.huddle.protocol.RequestId;
import io.huddle.protocol.platform.PlatformSignature;
import io.huddle.testing.PlatformStandIn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One id follows a supervisor's command from the console's log to the gateway's log and to the platform's
 * request: the stream command's id, or the X-Request-Id of a REST call.
 */
class RequestIdTraceTest {
    private static final String SUP = "acme:supervisor1";
    private static final String PLATFORM_SENDER = "io.huddle.gateway.platform.PlatformRequestSender";

    @TempDir
    Path dir;
    private Api api;
    private final PlatformStandIn platform = new PlatformStandIn("acme");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private StreamClient stream;
    private String callId;

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    }

    @BeforeEach
    void start() {
        logs.start();
        root().addAppender(logs);
        api = Api.start(dir);
        String secret = api.post(Api.V1 + "/tenant/platform/secret", "acme:admin1", null).expect(201).json()
                .get("secret").asText();
        platform.secret(secret);
        api.put(Api.V1 + "/tenant/platform", "acme:admin1", Api.body("callControlUrl", platform.url().toString()))
                .expect(200);
        String events = "{\"events\":[{\"id\":\"e1\",\"type\":\"interaction.started\",\"at\":\"2026-12-06T10:00:00Z\","
                + "\"interactionId\":\"CA-9\",\"channel\":\"VOICE\",\"agentId\":\"agent1\",\"customerName\":\"Ada\","
                + "\"queue\":\"Billing\"}]}";
        api.send("POST", Api.V1 + "/platform/events", null, events, Map.of("Huddle-Tenant", "acme",
                "Huddle-Signature", PlatformSignature.header(secret, Instant.now(),
                        events.getBytes(StandardCharsets.UTF_8)))).expect(200);
        callId = api.get(Api.V1 + "/interactions", SUP).expect(200).json().get("items").get(0).get("id").asText();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        api.close();
        platform.close();
        root().detachAppender(logs);
    }

    /** The lines of one logger, as formatted, with the request id the logging context held then. */
    private List<String> lines(String logger) {
        return List.copyOf(logs.list).stream().filter(e -> e.getLoggerName().equals(logger))
                .map(e -> e.getFormattedMessage() + " | " + e.getMDCPropertyMap().get(RequestId.LOG_KEY)).toList();
    }

    @Test
    void aStreamCommandsIdIsInTheConsolesLogTheGatewaysLogAndThePlatformsRequest() throws Exception {
        var signedIn = GatewayClient.signIn(URI.create(api.gw.baseUrl()), "acme", "supervisor1",
                TestGateway.PASSWORD.toCharArray());
        var connected = new java.util.concurrent.CountDownLatch(1);
        stream = StreamClient.open(signedIn, new StreamListener() {
            @Override
            public void onStatus(ConnectionStatus status) {
                if (status.state() == ConnectionStatus.State.CONNECTED) {
                    connected.countDown();
                }
            }
        }, StreamOptions.defaults());
        assertThat(connected.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        new StreamCommands(stream).act(callId, ActionType.MONITOR, null).get(10, java.util.concurrent.TimeUnit.SECONDS);
        JsonNode control = platform.next("monitor");

        // the console's side
        String consoleLine = lines(StreamClient.class.getName()).stream().filter(l -> l.contains("(action) to the gateway"))
                .findFirst().orElseThrow();
        Matcher m = Pattern.compile("command (c-[0-9a-f-]+) \\(action\\)").matcher(consoleLine);
        assertThat(m.find()).as(consoleLine).isTrue();
        String id = m.group(1);
        // the gateway's: its own line, and the platform call logged in the command's context
        assertThat(lines("io.huddle.gateway.stream.StreamEndpoint"))
                .anyMatch(l -> l.startsWith("command " + id + " (action) from supervisor1") && l.endsWith("| " + id));
        assertThat(lines(PLATFORM_SENDER))
                .anyMatch(l -> l.contains("(request " + id + ")") && l.endsWith("| " + id));
        // the platform's
        assertThat(platform.requestIdHeader(control)).isEqualTo(id);
    }

    @Test
    void aRestCallsRequestIdIsAnsweredLoggedAndSentToThePlatform() throws Exception {
        Api.Res r = api.send("POST", Api.V1 + "/interactions/" + callId + "/actions", api.token(SUP),
                Api.body("action", "MONITOR"), Map.of(RequestId.HEADER, "trace-42"));
        r.expect(201);
        assertThat(r.header(RequestId.HEADER)).isEqualTo("trace-42");
        JsonNode control = platform.next("monitor");
        assertThat(platform.requestIdHeader(control)).isEqualTo("trace-42");
        assertThat(lines(PLATFORM_SENDER)).anyMatch(l -> l.contains("(request trace-42)")
                && l.endsWith("| trace-42"));
    }

    @Test
    void aRequestWithoutAUsableIdGetsANewOne() {
        Api.Res r = api.send("GET", Api.V1 + "/interactions", api.token(SUP), null,
                Map.of(RequestId.HEADER, "has spaces; forged"));
        r.expect(200);
        assertThat(r.header(RequestId.HEADER)).startsWith("r-").doesNotContain("forged");
    }
}
