package io.huddle.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    @Test
    void logbackFindsItThroughTheServiceLoaderAndLogsToStandardError() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);

        assertThat(root.getAppender(LogSetup.STDERR)).isInstanceOfSatisfying(ConsoleAppender.class,
                appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
        assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.huddle").getEffectiveLevel()).isEqualTo(root.getLevel());
    }

    @Test
    void aFreshContextGetsTheSameSetUpAndTheRequestIdOnlyWhenThereIsOne() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        assertThat(new LogSetup().configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender(LogSetup.STDERR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        appender.setOutputStream(out);

        Logger log = context.getLogger("io.huddle.gateway.HttpApi");
        log.warn("without a request");
        context.getMDCAdapter().put("requestId", "req-42");
        try {
            log.warn("with a request");
        } finally {
            context.getMDCAdapter().remove("requestId");
        }
        context.getLogger("org.eclipse.jetty.server").info("not shown: the library is at WARN");
        context.stop();

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("WARN  [", "i.huddle.gateway.HttpApi - without a request").doesNotContain("[]");
        assertThat(lines[1]).contains("i.huddle.gateway.HttpApi [req-42] - with a request");
        assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(LogSetup.PATTERN);
    }

    @Test
    void theRootLevelIsTheSettingInAnyCaseOrInfo() {
        assertThat(LogSetup.rootLevel("debug")).isEqualTo(Level.DEBUG);
        assertThat(LogSetup.rootLevel(" WARN ")).isEqualTo(Level.WARN);
        assertThat(LogSetup.rootLevel(null)).isEqualTo(Level.INFO);
        assertThat(LogSetup.rootLevel("loud")).isEqualTo(Level.INFO);
    }
}
