package io.huddle.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.DomainException;
import io.huddle.domain.User;
import io.huddle.gateway.floor.CommandScope;
import io.huddle.gateway.floor.HelpLifecycle;
import io.huddle.gateway.ops.GatewayMetrics;
import io.huddle.gateway.platform.PlatformControls;
import io.huddle.gateway.store.FloorLog;
import io.huddle.protocol.RequestId;
import io.huddle.protocol.stream.ClientFrame;
import io.huddle.protocol.stream.CommandResult;
import io.huddle.protocol.stream.ServerFrame;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The WebSocket at {@code /api/v1/stream}: authenticates the upgrade from the Authorization header,
 * requires a hello first, then runs commands and answers each with one ack or error.
 */
public final class StreamEndpoint {
    /** The user already has as many streams attached as the gateway keeps for one user. */
    static final int TOO_MANY_STREAMS = 4029;
    public static final String PATH = "/api/v1/stream";
    public static final int PROTOCOL = 1;
    /** The largest frame the gateway reads from a client (larger: close 1009). */
    static final int MAX_CLIENT_FRAME = 64 * 1024;
    static final String USER = "huddle.stream.user";
    static final String TOKEN = "huddle.stream.token";
    private static final Logger LOG = LoggerFactory.getLogger(StreamEndpoint.class);

    private final ObjectMapper json;
    private final StreamHub hub;
    private final CommandReader reader;
    private final CommandHandler commands;
    private final Clock clock;
    private final Set<String> allowedOrigins;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /** One socket's state. */
    private static final class Connection {
        final User user;
        final String tokenDigest;
        final RateLimiter limiter;
        final Deque<Instant> errors = new ArrayDeque<>();
        volatile StreamSession stream;

        Connection(User user, String tokenDigest) {
            this.user = user;
            this.tokenDigest = tokenDigest;
            this.limiter = new RateLimiter(20, 50, System.nanoTime());
        }
    }

    public StreamEndpoint(ObjectMapper json, StreamHub hub, HelpLifecycle help, PlatformControls controls,
                          Clock clock, Set<String> allowedOrigins) {
        this.json = json;
        this.hub = hub;
        this.reader = new CommandReader(json);
        this.commands = new CommandHandler(help, controls, hub);
        this.clock = clock;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /**
     * @param authenticate resolves the upgrade request's bearer token to a user and its token digest, or
     *                     throws an UNAUTHORIZED DomainException
     */
    public void register(RoutesConfig routes, Function<io.javalin.http.Context, Map.Entry<User, String>> authenticate) {
        routes.wsBeforeUpgrade(PATH, ctx -> {
            String origin = ctx.header("Origin");
            if (origin != null && !allowedOrigins.contains(origin) && !sameHost(origin, ctx.host())) {
                throw DomainException.forbidden("origin '" + origin + "' may not open the stream");
            }
            Map.Entry<User, String> who = authenticate.apply(ctx);
            ctx.attribute(USER, who.getKey());
            ctx.attribute(TOKEN, who.getValue());
        });
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setMaxTextMessageSize(MAX_CLIENT_FRAME);
                ctx.session.setMaxBinaryMessageSize(MAX_CLIENT_FRAME);
                connections.put(ctx.sessionId(), new Connection(ctx.attribute(USER), ctx.attribute(TOKEN)));
            });
            ws.onMessage(ctx -> onMessage(ctx, ctx.message()));
            ws.onBinaryMessage(this::onBinary);
            ws.onClose(ctx -> {
                Connection c = connections.remove(ctx.sessionId());
                if (c != null && c.stream != null) {
                    hub.detach(c.stream, ctx.session);
                }
            });
            ws.onError(ctx -> {
                Connection c = connections.get(ctx.sessionId());
                LOG.info("stream socket of {} failed: {}", c == null ? "a client" : c.user.username(),
                        String.valueOf(ctx.error()));
            });
        });
    }

    /** Frames are JSON text: a binary frame, first or later, is a protocol violation (4400). */
    private void onBinary(WsBinaryMessageContext ctx) {
        Connection c = connections.get(ctx.sessionId());
        String reason = "frames must be text (JSON), not binary";
        if (c != null && c.stream != null) {
            c.stream.close(ctx.session, 4400, reason); // after the frames already queued for this socket
        } else {
            ctx.closeSession(4400, reason);
        }
    }

    private static boolean sameHost(String origin, String host) {
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private void onMessage(WsContext ctx, String text) {
        Connection c = connections.get(ctx.sessionId());
        if (c == null) {
            return;
        }
        JsonNode cmd;
        try {
            cmd = json.readTree(text);
        } catch (JsonProcessingException e) {
            if (c.stream == null) {
                ctx.closeSession(4400, "the first frame must be a hello");
                return;
            }
            error(ctx, c, null, DomainException.badRequest("frame is not valid JSON"));
            return;
        }
        String type = cmd != null && cmd.hasNonNull("type") ? cmd.get("type").asText() : null;
        String id = cmd != null && cmd.hasNonNull("id") && cmd.get("id").isTextual() ? cmd.get("id").asText() : null;
        if (c.stream == null) {
            hello(ctx, c, cmd, type);
            return;
        }
        // the answer and the events the command causes for this socket leave on this thread, as an echo's would
        StreamSession stream = c.stream;
        stream.answering();
        try {
            command(ctx, c, cmd, type, id);
        } finally {
            stream.sendAnswered();
        }
    }

    private void command(WsContext ctx, Connection c, JsonNode cmd, String type, String id) {
        if (!c.limiter.tryAcquire(System.nanoTime())) {
            error(ctx, c, id, new DomainException(DomainException.Kind.RATE_LIMITED,
                    "more than 20 commands a second: slow down"));
            return;
        }
        if (type == null || !cmd.isObject()) {
            error(ctx, c, id, DomainException.badRequest("frame must be a JSON object with a 'type'"));
            return;
        }
        if (id == null || id.isEmpty() || id.length() > 64) {
            error(ctx, c, null, DomainException.badRequest("field 'id' is required: a string of 1 to 64 characters"));
            return;
        }
        ClientFrame.Command command;
        try {
            command = reader.read(cmd);
        } catch (DomainException e) {
            // refused as read: a copy sent again is refused alike, so there is nothing to remember
            error(ctx, c, id, e);
            return;
        }
        runOnce(ctx, c, command, id);
    }

    private void hello(WsContext ctx, Connection c, JsonNode cmd, String type) {
        if (!"hello".equals(type)) {
            ctx.closeSession(4400, "the first frame must be a hello");
            return;
        }
        // the version first, off the tree: another version's hello may have another shape
        if (!cmd.path("protocol").isInt() || cmd.get("protocol").intValue() != PROTOCOL) {
            ctx.closeSession(4400, "unsupported protocol version: this gateway speaks " + PROTOCOL);
            return;
        }
        ClientFrame.Hello hello;
        try {
            hello = json.treeToValue(cmd, ClientFrame.Hello.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.info("an unreadable hello from {}: {}", c.user.username(), e.getMessage());
            hello = null;
        }
        if (hello == null) {
            ctx.closeSession(4400, "the hello could not be read");
            return;
        }
        ClientFrame.Hello.Resume resume = hello.resume();
        String streamId = resume == null ? null : resume.streamId();
        long lastSeq = resume == null || resume.lastSeq() == null ? -1 : resume.lastSeq();
        String position = resume == null ? null : resume.position();
        try {
            c.stream = hub.open(c.user, c.tokenDigest, ctx.session, streamId, lastSeq, position);
        } catch (StreamHub.TooManyStreams e) {
            ctx.closeSession(TOO_MANY_STREAMS, e.getMessage());
        }
    }

    /**
     * Runs a command and sends its reply. A command that changes the floor runs at most once per user and id:
     * its reply is remembered and a copy re-sent later gets that reply. A read is simply run again.
     */
    private void runOnce(WsContext ctx, Connection c, ClientFrame.Command cmd, String id) {
        if (!cmd.changesTheFloor()) {
            send(ctx, c, answer(c, cmd, id));
            return;
        }
        CommandReplies replies = hub.replies();
        CommandReplies.Key key = new CommandReplies.Key(c.user.id(), id);
        replies.exclusively(key, () -> {
            String earlier = replies.replyTo(key);
            if (earlier != null) {
                c.stream.sendUnnumbered(earlier);
                return;
            }
            java.util.Optional<FloorLog> shared = hub.sharedLog();
            FloorLog.Command command = new FloorLog.Command(c.user.id(), id);
            if (shared.isPresent()) {
                String recorded = recordedAnswer(shared.get(), command);
                if (recorded != null) { // applied on another instance (or here, before a restart)
                    replies.remember(key, recorded);
                    c.stream.sendUnnumbered(recorded);
                    return;
                }
            }
            if (!replies.hasRoomFor(c.user.id())) {
                // not applied, so not remembered: the same id may be sent again later
                error(ctx, c, id, new DomainException(DomainException.Kind.RATE_LIMITED,
                        "too many changes in ten minutes to answer each again if re-sent: slow down"));
                return;
            }
            Reply r = CommandScope.run(command, () -> answer(c, cmd, id));
            if (r.alreadyApplied()) { // a copy on another instance got there first, meanwhile
                String recorded = shared.map(log -> recordedAnswer(log, command)).orElse(null);
                r = recorded != null ? new Reply(recorded, false, false)
                        : new Reply(errorFrame(id, answerLost(id)), true, false);
            } else if (!r.failed() && shared.isPresent()) {
                keepShared(shared.get(), command, r.frame());
            }
            if (!r.failed()) {
                replies.remember(key, r.frame());
            }
            send(ctx, c, r);
        });
    }

    /**
     * The answer recorded for a command that changed the floor on any instance: its answer once sent; when the
     * instance that applied it stopped before answering, an error that says so (never a second run); null when the
     * command changed nothing yet. Waits a little for an answer on its way.
     */
    private String recordedAnswer(FloorLog log, FloorLog.Command command) {
        for (int tries = 0; tries < ANSWER_WAITS; tries++) {
            java.util.Optional<FloorLog.CommandRecord> rec = log.command(command);
            if (rec.isEmpty()) {
                return null;
            }
            if (rec.get().frame() != null) {
                return rec.get().frame();
            }
            try {
                Thread.sleep(ANSWER_WAIT_STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return errorFrame(command.commandId(), answerLost(command.commandId()));
    }

    private static DomainException answerLost(String id) {
        return DomainException.conflict("command " + id + " was applied, but the gateway that applied it stopped "
                + "before answering; the floor shows its outcome, and it was not applied again");
    }

    /** Keeps the answer for copies re-sent to other instances; the command itself stays applied either way. */
    private static void keepShared(FloorLog log, FloorLog.Command command, String frame) {
        try {
            log.answered(command, frame);
        } catch (RuntimeException e) {
            LOG.warn("could not keep the answer to command {} for other instances: {}", command.commandId(),
                    e.getMessage());
        }
    }

    /**
     * A command's reply: an ack, an error the command met ({@code refused}, counted towards the error budget),
     * or the gateway's own failure ({@code failed}: nothing was applied, so a copy may run again).
     */
    private record Reply(String frame, boolean refused, boolean failed, boolean alreadyApplied) {
        Reply(String frame, boolean refused, boolean failed) {
            this(frame, refused, failed, false);
        }
    }

    /** How often, and how long each time, a re-sent command waits for its first copy's answer. */
    private static final int ANSWER_WAITS = 20;
    private static final java.time.Duration ANSWER_WAIT_STEP = java.time.Duration.ofMillis(100);

    private void send(WsContext ctx, Connection c, Reply r) {
        c.stream.sendUnnumbered(r.frame());
        if (r.refused()) {
            countError(ctx, c);
        }
    }

    private Reply answer(Connection c, ClientFrame.Command cmd, String id) {
        // the command's id follows it into every line logged meanwhile and into the call to the platform
        try (MDC.MDCCloseable requestId = MDC.putCloseable(RequestId.LOG_KEY, id)) {
            return run(c, cmd, id);
        }
    }

    private Reply run(Connection c, ClientFrame.Command cmd, String id) {
        if (cmd.changesTheFloor()) {
            LOG.info("command {} ({}) from {}", id, ClientFrame.typeOf(cmd), c.user.username());
        }
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            CommandResult result = commands.run(cmd, c.stream);
            return new Reply(hub.write(new ServerFrame.Ack(id, clock.instant(), result)), false, false);
        } catch (DomainException e) {
            outcome = GatewayMetrics.outcomeOf(e);
            return new Reply(errorFrame(id, e), true, false);
        } catch (FloorLog.AlreadyApplied e) {
            outcome = "duplicate";
            return new Reply(null, false, false, true);
        } catch (RuntimeException e) {
            outcome = GatewayMetrics.outcomeOf(e);
            LOG.error("stream command {} ({}) of {} failed", id, ClientFrame.typeOf(cmd), c.user.username(), e);
            if (CommandScope.applied()) { // its change committed: say so, and give a copy this same answer
                return new Reply(hub.write(new ServerFrame.Error(id, "internal", "the gateway applied this command "
                        + "but could not finish answering it; the floor shows its outcome")), false, false);
            }
            return new Reply(hub.write(new ServerFrame.Error(id, "internal",
                    "the gateway could not complete this command; it was not applied")), false, true);
        } finally {
            hub.metrics().command(ClientFrame.typeOf(cmd), outcome, System.nanoTime() - start);
        }
    }

    private void error(WsContext ctx, Connection c, String id, DomainException e) {
        c.stream.sendUnnumbered(errorFrame(id, e));
        countError(ctx, c);
    }

    private String errorFrame(String id, DomainException e) {
        return hub.write(new ServerFrame.Error(id, e.kind().code(), e.getMessage()));
    }

    /** More than 100 errors in a minute closes the socket with 4008. */
    private void countError(WsContext ctx, Connection c) {
        Instant now = clock.instant();
        synchronized (c.errors) {
            c.errors.addLast(now);
            while (!c.errors.isEmpty() && c.errors.peekFirst().isBefore(now.minusSeconds(60))) {
                c.errors.pollFirst();
            }
            if (c.errors.size() > 100) {
                // after the error frames queued before it (the stream's outbox)
                c.stream.close(ctx.session, 4008, "more than 100 errors in a minute");
            }
        }
    }
}
