package io.huddle.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** --log-json: a log configured for text writes each event as one JSON object on its own line. */
class JsonLogLinesTest {

    @Test
    void eachEventBecomesOneJsonLine() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the process's, which MDC.put below writes to
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%level %logger - %msg%n");
        text.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(text);
        appender.setOutputStream(out);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger log = context.getLogger("io.huddle.gateway.Example");

        log.info("as text {}", 1);
        assertThat(JsonLogLines.use(context)).isEqualTo(1);
        int textEnd = out.size();
        MDC.put("requestId", "req-7");
        try {
            log.info("stream {} opened for {}", "st-1", "supervisor1");
        } finally {
            MDC.remove("requestId");
        }
        log.warn("platform call failed", new IllegalStateException("no answer"));
        context.stop();

        String all = out.toString(StandardCharsets.UTF_8);
        assertThat(all.substring(0, textEnd)).as(all).isEqualTo("INFO io.huddle.gateway.Example - as text 1\n");
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : all.substring(textEnd).split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        assertThat(lines).hasSize(2);
        JsonNode opened = lines.get(0);
        assertThat(opened.get("level").asText()).isEqualTo("INFO");
        assertThat(opened.get("loggerName").asText()).isEqualTo("io.huddle.gateway.Example");
        assertThat(opened.get("formattedMessage").asText()).isEqualTo("stream st-1 opened for supervisor1");
        assertThat(opened.get("message").asText()).isEqualTo("stream {} opened for {}");
        assertThat(opened.get("mdc").get("requestId").asText()).isEqualTo("req-7");
        assertThat(opened.has("timestamp")).isTrue();
        JsonNode failed = lines.get(1);
        assertThat(failed.get("level").asText()).isEqualTo("WARN");
        assertThat(failed.get("throwable").get("message").asText()).isEqualTo("no answer");
    }
}
