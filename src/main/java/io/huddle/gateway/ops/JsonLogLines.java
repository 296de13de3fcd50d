package io.huddle.gateway.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The gateway's log as JSON lines for log shippers: every appender of the root logger that writes a stream
 * (standard error, a file) writes each event as one JSON object on one line, with Logback's own
 * {@link JsonEncoder}: timestamp, level, thread, logger, message (its template and the formatted text),
 * the MDC, key-value pairs and the exception.
 */
public final class JsonLogLines {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(JsonLogLines.class);

    private JsonLogLines() {
    }

    /** Switches this process's log to JSON lines; says so in the log when the logging backend is not Logback. */
    public static void useForThisProcess() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            use(context);
            LOG.info("logging JSON lines");
        } else {
            LOG.warn("cannot log JSON lines: the logging backend is {}, not Logback", factory.getClass().getName());
        }
    }

    /**
     * Switches every stream appender of {@code context}'s root logger to JSON lines; answers how many. Called once
     * at start, before the gateway logs from other threads.
     */
    public static int use(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        int switched = 0;
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                JsonEncoder encoder = new JsonEncoder();
                encoder.setContext(context);
                encoder.setWithFormattedMessage(true);
                encoder.setWithSequenceNumber(false);
                encoder.setWithNanoseconds(false);
                encoder.setWithContext(false);
                encoder.start();
                appender.setEncoder(encoder); // no stop and start: that would close a file or standard error
                switched++;
            }
        }
        return switched;
    }
}
