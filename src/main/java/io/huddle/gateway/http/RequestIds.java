package io.huddle.gateway.http;

import io.huddle.protocol.RequestId;
import io.javalin.config.RoutesConfig;
import org.slf4j.MDC;

/**
 * Gives every HTTP request an id: the client's {@code X-Request-Id} when it sent a usable one, else a new one.
 * It is answered in the same header and kept in the logging context while the request is handled, so the
 * gateway's lines and its call to the platform carry it.
 */
public final class RequestIds {
    private RequestIds() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            String given = ctx.header(RequestId.HEADER);
            String id = RequestId.acceptable(given) ? given : RequestId.create();
            MDC.put(RequestId.LOG_KEY, id);
            ctx.header(RequestId.HEADER, id);
        });
        routes.after(ctx -> MDC.remove(RequestId.LOG_KEY));
    }
}
