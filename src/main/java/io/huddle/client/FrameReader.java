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
            LOG.warn("stream {}: ignoring a frame that is not JSON", sequence.resumeId());
            return;
        }
        String type = f.path("type").asText("");
        switch (type) {
            case "welcome" -> welcome(f);
            case "snapshot" -> {
                long seq = f.path("seq").asLong();
                sequence.snapshot(seq);
                ClientThreads.deliver(() -> listener.onSnapshot(seq, f));
            }
            case "heartbeat" -> { }
            case "ack" -> {
                JsonNode result = f.has("result") ? f.get("result") : json.createObjectNode();
                Instant serverTime = null;
                try {
                    serverTime = f.hasNonNull("serverTime") ? Instant.parse(f.get("serverTime").asText()) : null;
                } catch (RuntimeException e) {
                    LOG.debug("stream {}: an ack with an unreadable serverTime", sequence.resumeId());
                }
                if (!pending.ack(f.path("id").asText(null), result, serverTime)) {
                    LOG.debug("stream {}: an ack for a command no longer waiting", sequence.resumeId());
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

    private void numbered(String type, JsonNode f) {
        long seq = f.path("seq").asLong(-1);
        switch (sequence.offer(seq)) {
            case APPLY -> ClientThreads.deliver(() -> listener.onEvent(seq, type, f));
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
}
