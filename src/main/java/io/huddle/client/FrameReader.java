package io.huddle.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.UserDto;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the frames of one welcomed-or-welcoming connection, on the client thread: answers commands,
 * passes the snapshot and each numbered event on exactly once and in order, and tells the connection when
 * it is welcomed or must re-sync.
 */
final class FrameReader {
    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);

    /** What the reader needs from the connection. */
    interface Connection {
        /** The gateway welcomed this client; {@code resumed}: the stream continues where it left off. */
        void welcomed(Welcome welcome, boolean resumed);

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
        JsonNode f;
        try {
            f = json.readTree(text);
        } catch (JsonProcessingException e) {
            // it may have been an event: what the floor shows can no longer be trusted
            LOG.warn("stream {}: a frame is not JSON ({}); re-syncing", sequence.resumeId(), e.getOriginalMessage());
            connection.resync("a frame from the gateway could not be read; re-syncing with a fresh snapshot");
            return;
        }
        String type = f.path("type").asText("");
        switch (type) {
            case "welcome" -> welcome(f);
            case "snapshot" -> snapshot(f);
            case "heartbeat" -> { }
            case "ack" -> {
                JsonNode result = f.has("result") ? f.get("result") : json.createObjectNode();
                Instant serverTime = null;
                try {
                    serverTime = f.hasNonNull("serverTime") ? Instant.parse(f.get("serverTime").asText()) : null;
                } catch (RuntimeException e) {
                    LOG.warn("stream {}: an ack with an unreadable serverTime '{}'; its result is kept",
                            sequence.resumeId(), f.get("serverTime").asText());
                }
                if (!pending.ack(f.path("id").asText(null), result, serverTime)) {
                    // its deadline passed: the caller was told the outcome is unknown, and that stands
                    LOG.info("stream {}: an ack for command {}, which is no longer waiting, ignored",
                            sequence.resumeId(), f.path("id").asText());
                }
            }
            case "error" -> {
                String code = f.path("error").asText("error");
                String message = f.path("message").asText(code);
                if (!pending.fail(f.path("id").asText(null), new CommandException(code, message))) {
                    ClientThreads.deliver(() -> listener.onServerError(code, message));
                }
            }
            default -> {
                if (f.has("seq")) {
                    numbered(type, f);
                } else {
                    LOG.debug("stream {}: ignoring a frame of type '{}'", sequence.resumeId(), type);
                }
            }
        }
    }

    private void welcome(JsonNode f) {
        Welcome w;
        try {
            w = new Welcome(f.path("streamId").asText(), json.treeToValue(f.get("user"), UserDto.class),
                    f.path("heartbeatSeconds").asInt(15), f.path("resumed").asBoolean(), f.path("seq").asLong(),
                    f.hasNonNull("serverTime") ? Instant.parse(f.get("serverTime").asText()) : null);
        } catch (JsonProcessingException | RuntimeException e) {
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

    private void snapshot(JsonNode f) {
        if (!f.path("seq").canConvertToExactIntegral()) {
            unreadable("a snapshot without a sequence number", null);
            return;
        }
        long seq = f.path("seq").asLong();
        try {
            listener.onSnapshot(seq, f);
        } catch (IllegalArgumentException e) {
            unreadable("the snapshot at " + seq, e);
            return;
        } catch (RuntimeException e) {
            LOG.error("a stream listener failed on the snapshot at {}; the stream goes on", seq, e);
        }
        sequence.snapshot(seq);
    }

    private void numbered(String type, JsonNode f) {
        if (!f.path("seq").canConvertToExactIntegral()) {
            unreadable("an event of type '" + type + "' without a readable sequence number", null);
            return;
        }
        long seq = f.path("seq").asLong();
        switch (sequence.offer(seq)) {
            case APPLY -> {
                try {
                    listener.onEvent(seq, type, f);
                } catch (IllegalArgumentException e) {
                    unreadable("event " + seq + " (" + type + ")", e); // not counted as applied
                    return;
                } catch (RuntimeException e) {
                    LOG.error("a stream listener failed on event {} ({}); the stream goes on", seq, type, e);
                }
                sequence.applied(seq);
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
