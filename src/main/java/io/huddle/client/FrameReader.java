package io.huddle.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.stream.CommandResult;
import io.huddle.protocol.stream.ServerFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the frames of one welcomed-or-welcoming connection into {@link ServerFrame}s, on the client thread,
 * and acts on each by its record type: answers commands, passes the snapshot and each numbered event on
 * exactly once and in order, and tells the connection when it is welcomed or must re-sync.
 */
final class FrameReader {
    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);

    /** What the reader needs from the connection. */
    interface Connection {
        /** The gateway welcomed this client; {@code resumed}: the stream continues where it left off. */
        void welcomed(ServerFrame.Welcome welcome, boolean resumed);

        /** Something is inconsistent: reconnect for a new stream and a fresh snapshot. */
        void resync(String why);
    }

    private final ObjectMapper json;
    private final StreamSequence sequence;
    private final PendingCommands pending;
    private final StreamListener listener;
    private final Connection connection;

    FrameReader(ObjectMapper json, StreamSequence sequence, PendingCommands pending, StreamListener listener,
                Connection connection) {
        this.json = json;
        this.sequence = sequence;
        this.pending = pending;
        this.listener = listener;
        this.connection = connection;
    }

    void read(String text) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JsonProcessingException e) {
            // it may have been an event: what the floor shows can no longer be trusted
            LOG.warn("stream {}: a frame is not JSON ({}); re-syncing", sequence.resumeId(), e.getOriginalMessage());
            connection.resync("a frame from the gateway could not be read; re-syncing with a fresh snapshot");
            return;
        }
        ServerFrame f;
        try {
            f = json.treeToValue(tree, ServerFrame.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String type = tree.path("type").asText("");
            String what = tree.has("seq") ? "event " + tree.path("seq").asText() + " (" + type + ")"
                    : "a frame of type '" + type + "'";
            unreadable(what, new IllegalArgumentException(e.getMessage(), e));
            return;
        }
        dispatch(f);
    }

    private void dispatch(ServerFrame f) {
        if (f instanceof ServerFrame.Welcome w) {
            welcome(w);
        } else if (f instanceof ServerFrame.Snapshot s) {
            snapshot(s);
        } else if (f instanceof ServerFrame.Ack a) {
            JsonNode result = a.result() instanceof CommandResult.Unread u ? u.json() : json.createObjectNode();
            if (!pending.ack(a.id(), result, a.serverTime())) {
                // its deadline passed: the caller was told the outcome is unknown, and that stands
                LOG.info("stream {}: an ack for command {}, which is no longer waiting, ignored",
                        sequence.resumeId(), a.id());
            }
        } else if (f instanceof ServerFrame.Error e) {
            String code = e.error() == null ? "error" : e.error();
            String message = e.message() == null ? code : e.message();
            if (!pending.fail(e.id(), new CommandException(code, message))) {
                ClientThreads.deliver(() -> listener.onServerError(code, message));
            }
        } else if (f instanceof ServerFrame.Event e && e.seq() != null) {
            numbered(e);
        } else if (!(f instanceof ServerFrame.Heartbeat)) {
            LOG.debug("stream {}: ignoring a frame of type '{}'", sequence.resumeId(), ServerFrame.typeOf(f));
        }
    }

    private void welcome(ServerFrame.Welcome w) {
        if (w.streamId() == null || w.user() == null) {
            connection.resync("the gateway's welcome could not be read");
            return;
        }
        boolean resumed = sequence.welcome(w.streamId(), w.resumed());
        if (w.resumed() && !resumed) {
            connection.resync("the gateway resumed a stream this client did not ask for");
            return;
        }
        ClientThreads.deliver(() -> listener.onWelcome(w));
        connection.welcomed(w, resumed);
    }

    private void snapshot(ServerFrame.Snapshot f) {
        if (f.seq() == null) {
            unreadable("a snapshot without a sequence number", null);
            return;
        }
        long seq = f.seq();
        try {
            listener.onSnapshot(f);
        } catch (IllegalArgumentException e) {
            unreadable("the snapshot at " + seq, e);
            return;
        } catch (RuntimeException e) {
            LOG.error("a stream listener failed on the snapshot at {}; the stream goes on", seq, e);
        }
        sequence.snapshot(seq, f.position());
    }

    private void numbered(ServerFrame.Event event) {
        long seq = event.seq();
        String type = ServerFrame.typeOf(event);
        switch (sequence.offer(seq)) {
            case APPLY -> {
                try {
                    listener.onEvent(event);
                } catch (IllegalArgumentException e) {
                    unreadable("event " + seq + " (" + type + ")", e); // not counted as applied
                    return;
                } catch (RuntimeException e) {
                    LOG.error("a stream listener failed on event {} ({}); the stream goes on", seq, type, e);
                }
                sequence.applied(seq, event.position());
            }
            case DUPLICATE -> LOG.debug("stream {}: dropping event {} (applied up to {})", sequence.resumeId(), seq,
                    sequence.lastSeq());
            case EARLY -> LOG.warn("stream {}: event {} came before the snapshot; dropped", sequence.resumeId(), seq);
            case GAP -> {
                LOG.warn("stream {}: events {} to {} are missing; re-syncing", sequence.resumeId(),
                        sequence.lastSeq() + 1, seq - 1);
                connection.resync("events were missed; re-syncing with a fresh snapshot");
            }
        }
    }

    /** A frame the listener could not apply: the mirror would drift from the gateway's, so start over. */
    private void unreadable(String what, IllegalArgumentException e) {
        LOG.warn("stream {}: {} could not be read{}; re-syncing with a fresh snapshot", sequence.resumeId(), what,
                e == null ? "" : " (" + e.getMessage() + ")");
        connection.resync(what + " could not be read; re-syncing with a fresh snapshot");
    }
}
