package io.huddle.gateway.stream;

import io.huddle.domain.User;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's logical stream: it outlives a dropped socket. Every event it is sent gets the next
 * sequence number of this stream and is kept in a bounded buffer, so a client that reconnects with its
 * last sequence number gets exactly what it missed, in order. All methods are synchronized: frames leave
 * in sequence order.
 */
final class StreamSession {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);

    private record Frame(long seq, String text) {
    }

    final String id;
    final User user;
    /** The sign-in the stream lives on: that of the socket it was opened or last resumed on. */
    volatile String tokenDigest;
    private final int keep;
    private final Deque<Frame> buffer = new ArrayDeque<>();
    private long seq;
    private Session socket;
    private Instant detachedAt;
    private volatile String viewing;

    StreamSession(String id, User user, String tokenDigest, int keep, Instant now) {
        this.id = id;
        this.user = user;
        this.tokenDigest = tokenDigest;
        this.keep = keep;
        this.detachedAt = now;
    }

    /** Numbers a payload (a JSON object without seq), keeps it, and sends it if a socket is attached. */
    synchronized void deliver(String payload) {
        seq++;
        String frame = "{\"seq\":" + seq + "," + payload.substring(1);
        buffer.addLast(new Frame(seq, frame));
        while (buffer.size() > keep) {
            buffer.removeFirst();
        }
        if (socket != null) {
            send(socket, frame);
        }
    }

    synchronized long seq() {
        return seq;
    }

    /** True when every frame after {@code lastSeq} is still held. */
    synchronized boolean canResumeFrom(long lastSeq) {
        if (lastSeq > seq || lastSeq < 0) {
            return false;
        }
        return lastSeq == seq || (!buffer.isEmpty() && buffer.peekFirst().seq() <= lastSeq + 1);
    }

    /**
     * Attaches a socket: first {@code opening} frames (welcome, snapshot), then every kept frame after
     * {@code afterSeq}, then live frames. The previous socket, if any, is closed as replaced.
     */
    synchronized void attach(Session next, long afterSeq, String... opening) {
        if (socket != null && socket != next && socket.isOpen()) {
            socket.close(4409, "stream resumed on another connection", Callback.NOOP);
        }
        for (String o : opening) {
            send(next, o);
        }
        for (Frame f : buffer) {
            if (f.seq() > afterSeq) {
                send(next, f.text());
            }
        }
        socket = next;
        detachedAt = null;
    }

    synchronized void detach(Session closed, Instant now) {
        if (socket == closed) {
            socket = null;
            detachedAt = now;
        }
    }

    synchronized boolean isAttached() {
        return socket != null;
    }

    /** Detached for longer than the grace period: the stream can be forgotten. */
    synchronized boolean expired(Instant now, java.time.Duration grace) {
        return socket == null && detachedAt != null && detachedAt.plus(grace).isBefore(now);
    }

    /** Sends a frame that is not numbered (ack, error, heartbeat) on the current socket. */
    synchronized void sendUnnumbered(String frame) {
        if (socket != null) {
            send(socket, frame);
        }
    }

    synchronized void close(int code, String reason) {
        if (socket != null && socket.isOpen()) {
            socket.close(code, reason, Callback.NOOP);
        }
    }

    String viewing() {
        return viewing;
    }

    void view(String interactionId) {
        viewing = interactionId;
    }

    private void send(Session s, String text) {
        if (!s.isOpen()) {
            return;
        }
        s.sendText(text, Callback.from(() -> { }, e ->
                LOG.debug("stream {}: a frame to {} was not delivered: {}", id, user.username(), e.toString())));
    }
}
