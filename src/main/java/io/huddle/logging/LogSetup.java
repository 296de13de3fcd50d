package io.huddle.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Every Huddle process's logging, set up in code when Logback starts (found through the service loader): one
 * appender on standard error, the root at {@code HUDDLE_LOG_LEVEL} (a system property, else the environment
 * variable; INFO when unset or not a level), and the
 * chattier libraries at WARN. In code rather than in a logback.xml because parsing that XML cost a noticeable
 * part of the desktop apps' start. An operator's own file still wins: with {@code -Dlogback.configurationFile}
 * set, Logback reads that file instead. The desktop apps add their log file ({@link DesktopLogFile}); the gateway
 * can switch the appender to JSON lines (gateway.ops.JsonLogLines).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    public static final String STDERR = "STDERR";
    /** The root's level: a system property of this name, else the environment variable. */
    static final String LEVEL = "HUDDLE_LOG_LEVEL";
    /** [request id] while the gateway handles a person's command (docs/operations.md) */
    static final String PATTERN =
            "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24}%replace( [%X{requestId}]){' \\[\\]', ''} - %msg%n";
    static final Map<String, Level> QUIETER = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "org.glassfish.tyrus", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.freedesktop.dbus", Level.WARN);

    public LogSetup() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(STDERR);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel(System.getProperty(LEVEL, System.getenv(LEVEL))));
        root.addAppender(appender);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root's level from HUDDLE_LOG_LEVEL: a level's name in any case; INFO when unset or unknown. */
    static Level rootLevel(String setting) {
        return Level.toLevel(setting == null ? null : setting.trim(), Level.INFO);
    }
}
