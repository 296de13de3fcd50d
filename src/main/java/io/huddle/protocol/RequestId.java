package io.huddle.protocol;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that follows one of a person's commands through the logs: the console's, the gateway's and the
 * platform's. On the stream it is the command's own id; on REST and on the gateway's calls to a platform it is
 * the {@link #HEADER} header. The gateway keeps it in the logging context under {@link #LOG_KEY} while it
 * handles the command, so each line it logs then carries it.
 */
public final class RequestId {
    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestId() {
    }

    /** A new id for a request that came without one. */
    public static String create() {
        return "r-" + UUID.randomUUID();
    }

    /** Whether an id from outside may be logged and passed on as is: short, and nothing that forges a log line. */
    public static boolean acceptable(String id) {
        return id != null && SAFE.matcher(id).matches();
    }
}
