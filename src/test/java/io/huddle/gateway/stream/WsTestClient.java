package io.huddle.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huddle.protocol.Json;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;
import org.glassfish.tyrus.core.HandshakeException;

/**
 * A stream client for tests on the real Tyrus client: the bearer token goes in the Authorization header
 * of the upgrade request, every received frame is parsed and kept (in arrival order) and the close reason
 * is captured. A refused upgrade surfaces as {@link Refused} with the HTTP status; a connection that
 * gets no HTTP answer at all as an IllegalStateException.
 */
public final class WsTestClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = Json.newMapper();
    /**
     * One Tyrus client for every socket, that keeps its (daemon) executors: Tyrus shuts them down whenever
     * its last socket closes, which races the next socket's first send (RejectedExecutionException).
     */
    private static final ClientManager TYRUS = new ClientManager() {
        @Override
        protected void shutdown(ShutDownCondition condition) {
        }
    };

    /** Every frame in arrival order, for {@link #next}; never drained by the other helpers. */
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    /** Every frame in arrival order; guarded by itself, waited on for new frames. */
    private final List<JsonNode> history = new ArrayList<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final AtomicLong commandIds = new AtomicLong();
    private volatile Session session;

    /** The upgrade was answered with an HTTP status instead of 101. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, Throwable cause) {
            super("upgrade refused with HTTP " + status, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private WsTestClient() {
    }

    public static WsTestClient connect(URI uri, String token) {
        return connect(uri, token, Map.of());
    }

    /**
     * @param headers extra upgrade headers; a null value removes the header (e.g. Tyrus's own Origin)
     */
    public static WsTestClient connect(URI uri, String token, Map<String, String> headers) {
        WsTestClient client = new WsTestClient();
        Map<String, String> extra = new LinkedHashMap<>(headers);
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> h) {
                        if (token != null) {
                            h.put("Authorization", List.of("Bearer " + token));
                        }
                        extra.forEach((name, value) -> {
                            h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
                            if (value != null) {
                                h.put(name, List.of(value));
                            }
                        });
                    }
                }).build();
        try {
            client.session = TYRUS.connectToServer(client.endpoint(), config, uri);
            return client;
        } catch (DeploymentException e) {
            throw new Refused(statusOf(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int statusOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DeploymentHandshakeException d) {
                return d.getHttpStatusCode();
            }
            if (t instanceof HandshakeException h) {
                return h.getHttpStatusCode();
            }
        }
        throw new IllegalStateException("could not connect (no HTTP answer): " + e.getMessage(), e);
    }

    private Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) WsTestClient.this::received);
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
                synchronized (history) {
                    history.notifyAll();
                }
            }
        };
    }

    private void received(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("the gateway sent a frame that is not JSON: " + text, e);
        }
        inbox.add(frame);
        synchronized (history) {
            history.add(frame);
            history.notifyAll();
        }
    }

    public void send(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendBinary(byte[] data) {
        try {
            session.getBasicRemote().sendBinary(java.nio.ByteBuffer.wrap(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(JsonNode frame) {
        send(frame.toString());
    }

    /** Sends hello (protocol 1) and returns the welcome. */
    public JsonNode hello() {
        send(frame("hello", "protocol", 1));
        return awaitType("welcome");
    }

    /** Sends hello with {@code resume {streamId, lastSeq}} and returns the welcome. */
    public JsonNode resume(String streamId, long lastSeq) {
        ObjectNode resume = JSON.createObjectNode().put("streamId", streamId).put("lastSeq", lastSeq);
        send(frame("hello", "protocol", 1, "resume", resume));
        return awaitType("welcome");
    }

    /** Sends a command with a fresh id and returns its ack or error. */
    public JsonNode command(String type, Object... fields) {
        return commandWithId("cmd-" + commandIds.incrementAndGet(), type, fields);
    }

    /** Sends a command with the given id and returns the first ack or error for that id not yet returned. */
    public JsonNode commandWithId(String id, String type, Object... fields) {
        int before = replies(id).size();
        Object[] all = new Object[fields.length + 2];
        all[0] = "id";
        all[1] = id;
        System.arraycopy(fields, 0, all, 2, fields.length);
        send(frame(type, all));
        awaitCount(f -> isReplyTo(f, id), before + 1, WAIT);
        return replies(id).get(before);
    }

    /** A JSON object {type, k1: v1, ...}; values may be String, Number, Boolean, JsonNode or null. */
    public static ObjectNode frame(String type, Object... fields) {
        ObjectNode n = JSON.createObjectNode().put("type", type);
        for (int i = 0; i < fields.length; i += 2) {
            n.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        return n;
    }

    /** The next frame in arrival order (consumes it from the queue only). */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode f = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) {
                throw new AssertionError("no frame within " + timeout + "; received so far: " + frames());
            }
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first received frame (ever) that matches, waiting for it up to {@code timeout}. */
    public JsonNode awaitFrame(Predicate<JsonNode> match, Duration timeout) {
        return awaitCount(match, 1, timeout).get(0);
    }

    public JsonNode awaitType(String type) {
        return awaitFrame(f -> type.equals(f.path("type").asText()), WAIT);
    }

    /** Waits until at least {@code count} received frames match; returns all that match. */
    public List<JsonNode> awaitCount(Predicate<JsonNode> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (history) {
            while (true) {
                List<JsonNode> found = history.stream().filter(match).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed.isDone()) {
                    throw new AssertionError("expected " + count + " matching frame(s) within " + timeout
                            + " but got " + found.size() + (isOpen() ? "" : " (socket closed: " + closed.getNow(null)
                            + ")") + "; received: " + history);
                }
                try {
                    history.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Every frame received so far, in arrival order. */
    public List<JsonNode> frames() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** The numbered event frames (those with a seq, except welcome and snapshot) received so far. */
    public List<JsonNode> events() {
        return frames().stream().filter(f -> f.has("seq") && !f.path("type").asText().equals("welcome")
                && !f.path("type").asText().equals("snapshot")).toList();
    }

    private List<JsonNode> replies(String id) {
        return frames().stream().filter(f -> isReplyTo(f, id)).toList();
    }

    static boolean isReplyTo(JsonNode f, String id) {
        String type = f.path("type").asText();
        return ("ack".equals(type) || "error".equals(type)) && id.equals(f.path("id").asText(null));
    }

    public boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen() && !closed.isDone();
    }

    /** Waits for the socket to close and returns the close reason the client saw. */
    public CloseReason awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the socket did not close within " + timeout + "; received: " + frames());
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Closes the socket from the client side (1000) and waits until it is closed. */
    @Override
    public void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            try {
                s.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitClose(WAIT);
        }
    }
}
