package io.huddle.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.huddle.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The desktop apps' log file, besides standard error: {@code <app>.log} in the log directory, rolled over each
 * day and at {@link #MAX_FILE_SIZE}, compressed, kept {@link #MAX_HISTORY_DAYS} days and at most
 * {@link #TOTAL_SIZE_CAP} in all. A person who meets a problem finds it there and sends it (help: "Show log
 * folder"). Set up in code rather than in logback.xml: only the desktop apps have it, and the gateway logs to
 * standard error for its service manager.
 */
public final class DesktopLogFile {
    public static final String APPENDER = "DESKTOP_FILE";
    /** The logger of the file's first line, which goes to the file alone. */
    static final String OPENING = DesktopLogFile.class.getName() + ".opening";
    static final String MAX_FILE_SIZE = "10MB";
    static final int MAX_HISTORY_DAYS = 14;
    static final String TOTAL_SIZE_CAP = "100MB";
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private DesktopLogFile() {
    }

    /**
     * Adds the file to the root logger. A directory that cannot be made leaves standard error alone (logged).
     *
     * @param app the file's name without extension: "console" or "agent" (each its own, as both may run at once)
     * @return the log file, or null when it could not be set up
     */
    public static Path start(Path dir, String app) {
        org.slf4j.Logger log = LoggerFactory.getLogger(DesktopLogFile.class);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            log.warn("logging is not Logback; no log file in {}", dir);
            return null;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            log.warn("the log directory {} could not be made; logging to standard error only: {}", dir, e.toString());
            return null;
        }
        Path file = dir.resolve(app + ".log");
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(APPENDER);
        RollingFileAppender<ILoggingEvent> appender = appender(context, file,
                dir.resolve(app + "-%d{yyyy-MM-dd}.%i.log.gz"));
        root.addAppender(appender);
        // the file's first line says which app and version wrote it; the terminal is not told (a start that
        // fails must print one line there and nothing else)
        Logger opening = context.getLogger(OPENING);
        opening.detachAppender(APPENDER);
        opening.setAdditive(false);
        opening.addAppender(appender);
        opening.info("Huddle {} {}: log file {}", Version.current(), app, file);
        return file;
    }

    private static RollingFileAppender<ILoggingEvent> appender(LoggerContext context, Path file, Path rolled) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(slashes(file));

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(slashes(rolled));
        policy.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        policy.setMaxHistory(MAX_HISTORY_DAYS);
        policy.setTotalSizeCap(FileSize.valueOf(TOTAL_SIZE_CAP));
        policy.start();
        appender.setRollingPolicy(policy);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** Stops writing the file and closes it. */
    public static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            context.getLogger(OPENING).detachAppender(APPENDER);
            var appender = root.getAppender(APPENDER);
            if (appender != null) {
                root.detachAppender(appender);
                appender.stop();
            }
        }
    }

    /** The folder of the running log file, if {@link #start} set one up. */
    public static Optional<Path> folder() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER) instanceof FileAppender<?> f) {
            return Optional.of(Path.of(f.getFile()).toAbsolutePath().getParent());
        }
        return Optional.empty();
    }

    /** Logback's file name patterns read a backslash as an escape; Windows takes forward slashes too. */
    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
