package io.huddle.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.TenantSettings;
import io.huddle.protocol.Json;
import io.huddle.protocol.UserDto;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted stand-in for the gateway's stream, for what the real one will not do on demand: stay silent,
 * skip or repeat sequence numbers, lose an ack. Records every frame received, per connection.
 */
final class StubGateway implements AutoCloseable {
    static final ObjectMapper JSON = Json.newMapper();
    static final UserDto USER = new UserDto("acme:supervisor1", "supervisor1", "Supervisor One", "acme", "support",
            List.of("awa_manager"));

    /** Reacts to one frame from the client on connection number {@code connection} (from 1). */
    interface Script {
        void onFrame(int connection, JsonNode frame, WsContext ws);
    }

    /** One upgrade: its Authorization header and query string. */
    record Upgrade(String authorization, String query) {
    }

    final List<List<JsonNode>> received = new CopyOnWriteArrayList<>();
    final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> connectionOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final Javalin app;

    StubGateway(Script script) {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.wsBeforeUpgrade("/api/v1/stream", ctx -> upgrades.add(new Upgrade(
                    ctx.header("Authorization"), ctx.queryString())));
            cfg.routes.ws("/api/v1/stream", ws -> {
                ws.onConnect(ctx -> {
                    received.add(new CopyOnWriteArrayList<>());
                    connectionOf.put(ctx.sessionId(), received.size());
                });
                ws.onMessage(ctx -> {
                    int n = connectionOf.get(ctx.sessionId());
                    JsonNode frame = JSON.readTree(ctx.message());
                    received.get(n - 1).add(frame);
                    script.onFrame(n, frame, ctx);
                });
            });
        }).start("127.0.0.1", 0);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + app.port() + "/api/v1/stream");
    }

    int connections() {
        return received.size();
    }

    static String welcome(String streamId, boolean resumed, long seq, int heartbeatSeconds) {
        return frame("type", "welcome", "streamId", streamId, "user", USER, "heartbeatSeconds", heartbeatSeconds,
                "resumed", resumed, "seq", seq, "serverTime", "2026-11-24T13:02:11.123Z");
    }

    static String snapshot(long seq) {
        return frame("type", "snapshot", "seq", seq, "interactions", List.of(), "helpRequests", List.of(),
                "settings", TenantSettings.defaults("acme"));
    }

    /** A numbered notification: the simplest event, its text naming its seq. */
    static String event(long seq) {
        return frame("seq", seq, "type", "notification", "kind", "help.assigned", "helpRequestId", "hr-" + seq,
                "interactionId", "ix-1", "text", "event " + seq);
    }

    static String frame(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
