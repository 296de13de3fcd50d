package io.huddle.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import io.huddle.AppDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DesktopLogFileTest {
    @TempDir
    Path state;

    @AfterEach
    void stop() {
        DesktopLogFile.stop();
    }

    private Path logDir() {
        return new AppDirs("Linux", Map.of("XDG_STATE_HOME", state.toString()), state.resolve("home")).logDir();
    }

    @Test
    void theConsoleLogsToAFileInTheStateDirectoryBesidesStandardError() throws Exception {
        Path file = DesktopLogFile.start(logDir(), "console");
        LoggerFactory.getLogger(DesktopLogFileTest.class).warn("a line for the file {}", 42);
        DesktopLogFile.stop(); // flushes and closes

        assertThat(file).isEqualTo(state.resolve("huddle/logs/console.log"));
        assertThat(Files.readString(file)).contains("Huddle", "log file " + file)
                .contains("WARN", "a line for the file 42");
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR")).isNotNull();
    }

    @Test
    void theFileRollsDailyAndBySizeAndKeepsTwoWeeks() {
        DesktopLogFile.start(logDir(), "agent");

        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<?> appender = root.getAppender(DesktopLogFile.APPENDER);
        assertThat(appender).isInstanceOf(RollingFileAppender.class);
        RollingFileAppender<?> rolling = (RollingFileAppender<?>) appender;
        assertThat(rolling.getFile()).isEqualTo(state.resolve("huddle/logs/agent.log").toString());
        assertThat(rolling.getRollingPolicy()).isInstanceOf(SizeAndTimeBasedRollingPolicy.class);
        SizeAndTimeBasedRollingPolicy<?> policy = (SizeAndTimeBasedRollingPolicy<?>) rolling.getRollingPolicy();
        // a day per file (%d), a counter when one day's passes the size (%i), compressed
        assertThat(policy.getFileNamePattern())
                .isEqualTo(state.resolve("huddle/logs").toString() + "/agent-%d{yyyy-MM-dd}.%i.log.gz");
        assertThat(policy.getMaxHistory()).isEqualTo(14);
        assertThat(policy.isStarted()).isTrue();
        assertThat(DesktopLogFile.folder()).contains(state.resolve("huddle/logs"));
    }

    @Test
    void withoutAFileThereIsNoFolderToShow() {
        assertThat(DesktopLogFile.folder()).isEmpty();
    }

    @Test
    void aLogDirectoryThatCannotBeMadeLeavesStandardErrorOnly() throws Exception {
        Files.writeString(state.resolve("huddle"), "a file where the directory should be");
        assertThat(DesktopLogFile.start(logDir(), "console")).isNull();
        assertThat(DesktopLogFile.folder()).isEmpty();
    }
}
