package io.huddle.client;

import static io.huddle.client.ConnectionStatus.State.CLOSED;
import static io.huddle.client.ConnectionStatus.State.CONNECTED;
import static io.huddle.client.ConnectionStatus.State.CONNECTING;
import static io.huddle.client.ConnectionStatus.State.FAILED;
import static io.huddle.client.ConnectionStatus.State.RECONNECTING;
import static io.huddle.client.ConnectionStatus.State.SIGNED_OUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huddle.protocol.Json;
import io.huddle.protocol.stream.ClientFrame;
import io.huddle.protocol.stream.ServerFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's event stream for one sign-in: connects, says hello, resumes after a drop so nothing is
 * missed or applied twice, reconnects with backoff until closed, watches for a dead connection, and sends
 * commands. See {@link StreamListener} for what it delivers and {@link ConnectionStatus} for its states.
 *
 * <p>Threading: the client owns one thread ("huddle-stream-N") on which every listener call, every
 * command future's completion and all its own state changes happen, in order; a second owned thread only
 * opens and closes sockets, because Tyrus blocks while doing that. {@link #close()} stops both.
 */
public final class StreamClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamClient.class);
    private static final ObjectMapper JSON = Json.newMapper();
    private static final AtomicInteger COUNT = new AtomicInteger();
    /** The gateway closes the socket (1009) on a frame larger than this. */
    static final int MAX_COMMAND_BYTES = 64 * 1024;
    /** A connection that lasted this long resets the backoff; one dropped sooner keeps backing off. */
    static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final URI uri;
    private final StreamListener listener;
    private final StreamOptions options;
    private final StreamSocket socket;
    private final ClientThreads threads;
    private final PendingCommands pending = new PendingCommands();
    private final StreamSequence sequence = new StreamSequence();
    private final FrameReader reader;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile ConnectionStatus status;

    // Used on the client thread only.
    private int generation;
    private Session session;
    private boolean welcomed;
    private boolean everConnected;
    private int failures;
    private long lastFrameNanos;
    private long welcomedAtNanos;
    private long heartbeatNanos;
    private ScheduledFuture<?> retryTask;
    private ScheduledFuture<?> watchdogTask;

    /** Hands a text frame to the socket; reports a failure to send it, on any thread. */
    @FunctionalInterface
    interface Sender {
        void send(Session session, String text, Consumer<Throwable> failed);

        /** Tyrus's asynchronous send, whose result would otherwise be dropped. */
        Sender TYRUS = (session, text, failed) -> session.getAsyncRemote().sendText(text, result -> {
            if (!result.isOK()) {
                failed.accept(result.getException());
            }
        });
    }

    private final Sender sender;

    private StreamClient(URI uri, String token, StreamListener listener, StreamOptions options, Sender sender) {
        this.uri = uri;
        this.sender = sender;
        this.listener = listener;
        this.options = options;
        this.status = ConnectionStatus.of(CONNECTING, "connecting to " + uri);
        this.socket = new StreamSocket(uri, token, options.connectTimeout());
        this.threads = new ClientThreads("huddle-stream-" + COUNT.incrementAndGet(),
                options.connectTimeout().plusSeconds(1));
        this.reader = new FrameReader(JSON, sequence, pending, listener, new FrameReader.Connection() {
            @Override
            public void welcomed(ServerFrame.Welcome welcome, boolean resumed) {
                onWelcomed(welcome, resumed);
            }

            @Override
            public void resync(String why) {
                sequence.forget();
                retry(why);
            }
        });
    }

    /** Opens the stream of a sign-in; the listener hears of everything, starting with CONNECTING. */
    public static StreamClient open(SignedIn session, StreamListener listener, StreamOptions options) {
        return open(session.streamUri(), session.token(), listener, options);
    }

    public static StreamClient open(URI streamUri, String token, StreamListener listener, StreamOptions options) {
        return open(streamUri, token, listener, options, Sender.TYRUS);
    }

    static StreamClient open(URI streamUri, String token, StreamListener listener, StreamOptions options,
                             Sender sender) {
        StreamClient c = new StreamClient(streamUri, token, listener, options, sender);
        c.threads.post(c::connectNow);
        return c;
    }

    /** The current connection state (readable from any thread). */
    public ConnectionStatus status() {
        return status;
    }

    /**
     * Sends a command ({@code ping}, {@code view}, {@code help.accept}, {@code action}, ...); the future
     * completes on the client thread with the ack's {@code result}, or fails with a {@link CommandException}:
     * the gateway's refusal (its code), or {@code not_connected} at once when not connected (nothing is
     * queued), {@code too_large} at once (over 64 KiB), {@code timeout}, {@code connection_lost} or
     * {@code closed}. A command whose answer was lost in a drop, or whose frame could not be sent (the
     * connection is then dropped and made again), is re-sent with the same id when the stream resumes, and
     * the gateway answers it with the original outcome, never applying it twice. It waits at most the
     * options' command timeout from this call. Do not block on the future on the client thread.
     */
    public CompletableFuture<JsonNode> command(ClientFrame.Command command) {
        return command(command, Deadline.after(options.commandTimeout()));
    }

    /**
     * As {@link #command(ClientFrame.Command)}, answered by the given deadline: {@code timeout} when it passes
     * after the command was sent, {@code not_sent} when it passed before (nothing was sent).
     */
    public CompletableFuture<JsonNode> command(ClientFrame.Command command, Deadline deadline) {
        String id = "c-" + UUID.randomUUID();
        String type = ClientFrame.typeOf(command);
        // the id, then the command as its record writes it (its type first)
        ObjectNode frame = JSON.createObjectNode().put("id", id);
        frame.setAll((ObjectNode) JSON.valueToTree(command));
        CompletableFuture<JsonNode> f = new CommandFuture();
        String text = frame.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_COMMAND_BYTES) {
            f.completeExceptionally(new CommandException(CommandException.TOO_LARGE, "command '" + type
                    + "' is larger than the gateway accepts (64 KiB); it was not sent"));
            return f;
        }
        if (command.changesTheFloor()) {
            LOG.info("command {} ({}) to the gateway", id, type); // the gateway logs this id too
        }
        if (!threads.post(() -> send(id, type, text, f, deadline))) {
            f.completeExceptionally(new CommandException(CommandException.CLOSED, "the stream client is closed"));
        }
        return f;
    }

    /** As {@link #command}, answering the result together with the ack's {@code serverTime} (null if none). */
    public CompletableFuture<Acked> commandAcked(ClientFrame.Command command, Deadline deadline) {
        CompletableFuture<JsonNode> f = command(command, deadline);
        return f.thenApply(r -> new Acked(r, f instanceof CommandFuture c ? c.serverTime : null));
    }

    /** A command's result and the gateway's time of its ack. */
    public record Acked(JsonNode result, Instant serverTime) {
    }

    /** A command's future, which also holds the ack's time (set before it completes). */
    static final class CommandFuture extends CompletableFuture<JsonNode> {
        volatile Instant serverTime;
    }

    /** For tests: drops the connection from the client side, as a network failure would. */
    void dropConnection() {
        threads.post(() -> retry("the connection was dropped"));
    }

    /** Closes the stream and stops the client's threads; the listener's last call is onStatus(CLOSED). */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (threads.onClientThread()) {
            finish(CLOSED, "closed");
        } else {
            threads.post(() -> finish(CLOSED, "closed"));
        }
        threads.close();
        socket.close();
    }

    // ---- connection lifecycle (client thread) ------------------------------------------------------

    private void connectNow() {
        if (status.state().isFinal()) {
            return;
        }
        int gen = ++generation;
        welcomed = false;
        setStatus(everConnected ? new ConnectionStatus(RECONNECTING, null, failures, status.detail())
                : new ConnectionStatus(CONNECTING, null, failures, "connecting to " + uri));
        threads.connector(() -> {
            try {
                socket.connect(new Socket(gen));
            } catch (Exception e) {
                threads.post(() -> onConnectFailed(gen, e));
            }
        }, false);
    }

    private void onOpened(int gen, Session s) {
        if (gen != generation || status.state().isFinal()) {
            threads.connector(() -> StreamSocket.closeQuietly(s, 1000, "not needed any more"), true);
            return;
        }
        session = s;
        lastFrameNanos = System.nanoTime();
        ClientFrame.Hello hello = new ClientFrame.Hello(1,
                new ClientFrame.Hello.Client(options.clientName(), options.clientVersion()),
                sequence.resumeId() == null ? null
                        : new ClientFrame.Hello.Resume(sequence.resumeId(), sequence.lastSeq(), sequence.position()));
        sendText(JSON.valueToTree(hello).toString());
        armWatchdog();
    }

    private void onConnectFailed(int gen, Exception e) {
        if (gen != generation || status.state().isFinal()) {
            return;
        }
        int refused = StreamSocket.refusedWith(e);
        if (refused == 401) {
            finish(SIGNED_OUT, "the gateway no longer accepts this sign-in: sign in again");
        } else if (refused >= 400 && refused < 500 && refused != 408 && refused != 429) {
            finish(FAILED, socket.describe(e));
        } else {
            LOG.debug("stream connection to {} failed", uri, e);
            retry(socket.describe(e));
        }
    }

    private void onWelcomed(ServerFrame.Welcome w, boolean resumed) {
        welcomed = true;
        everConnected = true;
        welcomedAtNanos = System.nanoTime();
        heartbeatNanos = TimeUnit.SECONDS.toNanos(Math.max(1, w.heartbeatSeconds()));
        if (resumed) {
            pending.frames().forEach(this::sendText);
        } else {
            pending.failAll(CommandException.CONNECTION_LOST, "was not answered before the connection dropped and"
                    + " the stream could not be resumed; it may or may not have been applied");
        }
        setStatus(new ConnectionStatus(CONNECTED, null, 0, (resumed ? "resumed stream " : "new stream ")
                + w.streamId()));
        armWatchdog();
    }

    private void onClosed(int gen, CloseReason reason) {
        if (gen != generation) {
            return;
        }
        session = null;
        int code = reason.getCloseCode().getCode();
        String phrase = reason.getReasonPhrase();
        LOG.info("stream {} closed by the gateway: {} {}", sequence.resumeId(), code, phrase);
        switch (code) {
            case 4001 -> finish(SIGNED_OUT, "the sign-in ended: sign in again");
            case 4400 -> finish(FAILED, "the gateway refused this client (protocol violation): " + phrase);
            case 4409 -> {
                sequence.forget();
                retry("the stream was resumed on another connection; starting a new one");
            }
            case 4003 -> {
                sequence.forget();
                retry("your roles or team changed; loading the floor again");
            }
            default -> retry(StreamSocket.describeClose(code, phrase));
        }
    }

    /** Drops the socket, if any, and schedules the next attempt with backoff. */
    private void retry(String detail) {
        if (status.state().isFinal()) {
            return;
        }
        if (welcomed && System.nanoTime() - welcomedAtNanos >= STABLE_NANOS) {
            failures = 0;
        }
        dropSocket(1000, "reconnecting");
        failures++;
        Duration delay = options.backoff().delay(failures, ThreadLocalRandom.current().nextDouble());
        setStatus(new ConnectionStatus(everConnected ? RECONNECTING : CONNECTING, Instant.now().plus(delay),
                failures, detail));
        retryTask = threads.schedule(this::connectNow, delay.toNanos());
    }

    /** Enters a final state: no more connections; waiting commands fail. */
    private void finish(ConnectionStatus.State state, String detail) {
        if (status.state().isFinal()) {
            return;
        }
        if (retryTask != null) {
            retryTask.cancel(false);
        }
        dropSocket(1000, "client closed");
        pending.failAll(CommandException.CLOSED, "was not answered: " + detail);
        setStatus(ConnectionStatus.of(state, detail));
    }

    private void dropSocket(int code, String reason) {
        generation++;
        welcomed = false;
        if (watchdogTask != null) {
            watchdogTask.cancel(false);
        }
        Session s = session;
        session = null;
        if (s != null) {
            threads.connector(() -> StreamSocket.closeQuietly(s, code, reason), true);
        }
    }

    // ---- frames, watchdog, commands (client thread) ------------------------------------------------

    private void onFrame(int gen, String text) {
        if (gen == generation && session != null) {
            lastFrameNanos = System.nanoTime();
            reader.read(text);
        }
    }

    /** Before the welcome the gateway has the connect timeout to answer; then heartbeats must keep coming. */
    private long silenceLimitNanos() {
        return welcomed ? (long) (heartbeatNanos * options.watchdogFactor()) : options.connectTimeout().toNanos();
    }

    private void armWatchdog() {
        if (watchdogTask != null) {
            watchdogTask.cancel(false);
        }
        int gen = generation;
        watchdogTask = threads.schedule(() -> checkWatchdog(gen),
                Math.max(0, lastFrameNanos + silenceLimitNanos() - System.nanoTime()));
    }

    private void checkWatchdog(int gen) {
        if (gen != generation || session == null) {
            return;
        }
        long silent = System.nanoTime() - lastFrameNanos;
        if (silent < silenceLimitNanos()) {
            armWatchdog();
            return;
        }
        String secs = Http.seconds(Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(silent)));
        LOG.warn("stream {}: nothing from the gateway for {}; reconnecting", sequence.resumeId(), secs);
        retry(welcomed ? "no heartbeat from the gateway for " + secs + ": the connection seems dead"
                : "the gateway did not answer the hello within " + secs);
    }

    private void send(String id, String type, String text, CompletableFuture<JsonNode> f, Deadline deadline) {
        if (!welcomed || session == null) {
            boolean over = status.state().isFinal();
            f.completeExceptionally(new CommandException(over ? CommandException.CLOSED
                    : CommandException.NOT_CONNECTED, "not connected to the gateway ("
                    + status.state().name().toLowerCase(Locale.ROOT) + "): '" + type + "' was not sent"));
            return;
        }
        if (deadline.passed()) {
            f.completeExceptionally(new CommandException(CommandException.NOT_SENT, "'" + type + "' was not sent:"
                    + " its deadline (" + deadline.budgetInWords() + ") had passed"));
            return;
        }
        ScheduledFuture<?> timer = threads.schedule(() -> pending.fail(id, new CommandException(
                CommandException.TIMEOUT, "the gateway did not answer '" + type + "' within "
                + deadline.budgetInWords() + "; it may or may not have been applied")),
                deadline.remainingNanos());
        pending.add(new PendingCommands.Pending(id, type, text, f, timer));
        sendText(text);
    }

    /**
     * Sends a frame on this connection. A frame that cannot be sent drops the connection: the client reconnects,
     * and a command waiting for its answer is re-sent with its id if the stream resumes, or fails (see
     * {@link #command}).
     */
    private void sendText(String text) {
        int gen = generation;
        Consumer<Throwable> failed = e -> threads.post(() ->
                onSendFailedOrBroken(gen, e, "a frame could not be sent"));
        try {
            sender.send(session, text, failed);
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }

    /** A send failed or the socket reported an error: this connection is not trusted any more. */
    private void onSendFailedOrBroken(int gen, Throwable e, String what) {
        if (gen != generation || status.state().isFinal()) {
            return;
        }
        LOG.warn("stream {}: {} ({}); reconnecting", sequence.resumeId(), what, e.toString());
        retry(what + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "); reconnecting");
    }

    private void setStatus(ConnectionStatus next) {
        if (next.state() != status.state()) {
            LOG.info("stream to {}: {} ({})", uri, next.state(), next.detail());
        }
        status = next;
        ClientThreads.deliver(() -> listener.onStatus(next));
    }

    /** One connection's Tyrus endpoint; its callbacks hop to the client thread, tagged with the attempt. */
    private final class Socket extends Endpoint {
        private final int gen;

        Socket(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(Session s, EndpointConfig config) {
            s.setMaxTextMessageBufferSize(StreamSocket.MAX_FRAME);
            if (!threads.post(() -> onOpened(gen, s))) {
                StreamSocket.closeQuietly(s, 1000, "client closed");
                return;
            }
            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                    threads.post(() -> onFrame(gen, text)));
        }

        @Override
        public void onClose(Session s, CloseReason reason) {
            threads.post(() -> onClosed(gen, reason));
        }

        @Override
        public void onError(Session s, Throwable error) {
            threads.post(() -> onSendFailedOrBroken(gen, error, "the connection failed"));
        }
    }
}
