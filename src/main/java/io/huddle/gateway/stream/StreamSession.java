package io.huddle.gateway.stream;

import io.huddle.domain.User;
import io.huddle.gateway.ops.GatewayMetrics;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's logical stream: it outlives a dropped socket. Every event it is sent gets the next
 * sequence number of this stream and is kept in a bounded buffer, so a client that reconnects with its
 * last sequence number gets exactly what it missed, in order. Its state is guarded by its monitor; the
 * one exception is which interaction it follows ({@link #view}, a volatile field), and the sockets are
 * written outside the monitor, by the one thread that holds the flush.
 *
 * <p>Frames leave through an outbox: the caller (the floor's publishing thread, under the tenant's lock)
 * only numbers and queues a frame; one task at a time per stream, on the hub's sender threads, hands what
 * is queued to the socket in order. Numbered frames, acks, heartbeats and a close all pass through the
 * same outbox, so they leave in the order they were queued, and a busy socket's frames go out together.
 */
final class StreamSession {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);

    /**
     * A numbered frame as kept for resume: the payload is the one string every recipient of the event shares
     * (EventFrames builds it once), so 10,000 kept frames per stream cost references, not copies; the text
     * with this stream's seq is made when the frame is sent. {@code published} is when the floor published its
     * event ({@link System#nanoTime}), for the fan-out delay.
     */
    private record Frame(long seq, String payload, long published) {
        String text() {
            return new StringBuilder(payload.length() + 28).append("{\"seq\":").append(seq).append(',')
                    .append(payload, 1, payload.length()).toString();
        }
    }

    /** A kept frame sent again after a resume: sent like any other, not counted as fan-out delay. */
    private record Replay(Frame frame) {
    }

    /** A close queued behind the frames before it. */
    private record Close(int code, String reason) {
    }

    final String id;
    final User user;
    /** The sign-in the stream lives on: that of the socket it was opened or last resumed on. */
    volatile String tokenDigest;
    private final int keep;
    private final Deque<Frame> buffer = new ArrayDeque<>();
    private final Executor sender;
    private final GatewayMetrics metrics;
    private final ArrayDeque<Object> outbox = new ArrayDeque<>(); // Frame, String (unnumbered), Close
    private boolean flushing;
    /** A command of this stream's socket is running on its socket's thread, which sends what it queues. */
    private boolean answering;
    private long seq;
    private Session socket;
    private Instant detachedAt;
    /** Forgotten by the hub: never resumed again. */
    private boolean expired;
    private volatile String viewing;

    StreamSession(String id, User user, String tokenDigest, int keep, Instant now, Executor sender) {
        this(id, user, tokenDigest, keep, now, sender, GatewayMetrics.NONE);
    }

    StreamSession(String id, User user, String tokenDigest, int keep, Instant now, Executor sender,
                  GatewayMetrics metrics) {
        this.id = id;
        this.metrics = metrics;
        this.sender = sender;
        this.user = user;
        this.tokenDigest = tokenDigest;
        this.keep = keep;
        this.detachedAt = now;
    }

    /**
     * A stream moved here from another instance (resumed by its floor log position): it goes on numbering after
     * the client's last {@code seq}. Before anything is delivered to it.
     */
    synchronized void continueAfter(long lastSeq) {
        if (seq != 0 || !buffer.isEmpty()) {
            throw new IllegalStateException("stream " + id + " has frames already");
        }
        seq = lastSeq;
    }

    /** Numbers a payload (a JSON object without seq), keeps it, and sends it if a socket is attached. */
    synchronized void deliver(String payload) {
        deliver(payload, System.nanoTime());
    }

    /** As {@link #deliver(String)}, for an event the floor published at {@code published} (nanoTime). */
    synchronized void deliver(String payload, long published) {
        seq++;
        Frame frame = new Frame(seq, payload, published);
        buffer.addLast(frame);
        while (buffer.size() > keep) {
            buffer.removeFirst();
        }
        if (socket != null) {
            queue(frame);
        }
    }

    synchronized long seq() {
        return seq;
    }

    /** The floor log position of the kept frame numbered {@code n}, or null when it is not kept or has none. */
    synchronized String positionAt(long n) {
        for (Frame f : buffer) {
            if (f.seq() == n) {
                int at = f.payload().indexOf("\"position\":\"");
                if (at < 0) {
                    return null;
                }
                int from = at + "\"position\":\"".length();
                return f.payload().substring(from, f.payload().indexOf('"', from));
            }
        }
        return null;
    }

    /** True when every frame after {@code lastSeq} is still held. */
    private boolean canResumeFrom(long lastSeq) {
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
        outbox.clear(); // what was queued for the old socket: the numbered frames are replayed below
        socket = next;
        detachedAt = null;
        for (String o : opening) {
            queue(o);
        }
        for (Frame f : buffer) {
            if (f.seq() > afterSeq) {
                queue(new Replay(f));
            }
        }
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

    /**
     * Resumes the stream on {@code next} when every frame after {@code lastSeq} is still held and it has not
     * expired: {@code welcome} gets the current seq and makes the first frame. False (nothing changed) when it
     * cannot be resumed. Decided under the same monitor as {@link #expire}, so exactly one of them wins.
     */
    synchronized boolean resume(Session next, long lastSeq, String newTokenDigest, LongFunction<String> welcome) {
        if (expired || !canResumeFrom(lastSeq)) {
            return false;
        }
        tokenDigest = newTokenDigest; // the ticker and sign-out now follow the new sign-in
        attach(next, lastSeq, welcome.apply(seq));
        return true;
    }

    /**
     * Expires the stream if it has been detached for longer than the grace period: from then on it cannot be
     * resumed, and the caller forgets it. True when it expired (now or before).
     */
    synchronized boolean expire(Instant now, java.time.Duration grace) {
        if (socket == null && detachedAt != null && detachedAt.plus(grace).isBefore(now)) {
            expired = true;
        }
        return expired;
    }

    /**
     * Expires the stream now if no socket is attached (to make room for the same user's newer stream); true when
     * it expired. An attached stream is left alone.
     */
    synchronized boolean expireIfDetached() {
        if (socket == null) {
            expired = true;
        }
        return expired;
    }

    /** When the stream lost its socket; null while one is attached. */
    synchronized Instant detachedAt() {
        return socket == null ? detachedAt : null;
    }

    /** Sends a frame that is not numbered (ack, error, heartbeat) on the current socket. */
    synchronized void sendUnnumbered(String frame) {
        if (socket != null) {
            queue(frame);
        }
    }

    /** Closes the current socket after the frames queued before. */
    synchronized void close(int code, String reason) {
        if (socket != null) {
            queue(new Close(code, reason));
        }
    }

    /** Closes this socket after the frames queued for it (at once if the stream has moved to another). */
    synchronized void close(Session which, int code, String reason) {
        if (socket == which) {
            queue(new Close(code, reason));
        } else if (which.isOpen()) {
            which.close(code, reason, Callback.NOOP);
        }
    }

    /**
     * A command from this stream's socket starts on the calling thread (the socket's own): until
     * {@link #sendAnswered()}, what is queued for this stream waits for that thread instead of a sender.
     */
    synchronized void answering() {
        answering = true;
    }

    /**
     * The command is answered: the calling thread hands what was queued meanwhile (the command's events and
     * its ack) to the socket itself, as an echo would, instead of waking a sender thread for it. What is
     * queued after that, or while a sender is already flushing, goes the usual way.
     */
    void sendAnswered() {
        synchronized (this) {
            answering = false;
            if (flushing || outbox.isEmpty()) {
                return;
            }
            flushing = true;
        }
        if (flushOnce()) {
            synchronized (this) {
                if (outbox.isEmpty()) {
                    flushing = false;
                } else {
                    handOver();
                }
            }
        }
    }

    /** Queues for the current socket and makes sure one flush task runs; with the lock held. */
    private void queue(Object item) {
        outbox.addLast(item);
        if (!flushing && !answering) {
            flushing = true;
            handOver();
        }
    }

    /** Gives the flushing of this stream to a sender thread; with the lock held and {@code flushing} set. */
    private void handOver() {
        try {
            sender.execute(this::flush);
        } catch (RejectedExecutionException stopping) {
            flush(); // the hub is shutting down: send here, as before there were sender threads
        }
    }

    /** Hands what is queued to the socket, in order, until nothing is left; one at a time per stream. */
    private void flush() {
        while (flushOnce()) {
            // more was queued while sending
        }
    }

    /**
     * Sends what is queued now, in order; false (and no longer flushing) when there was nothing. Only the
     * thread that set {@code flushing} calls it.
     */
    private boolean flushOnce() {
        Object[] items;
        Session s;
        synchronized (this) {
            if (outbox.isEmpty()) {
                flushing = false;
                return false;
            }
            items = outbox.toArray();
            outbox.clear();
            s = socket;
        }
        if (s == null) {
            return true;
        }
        int events = 0;
        boolean unflushed = false;
        try {
            for (int i = 0; i < items.length; i++) {
                Object item = items[i];
                // every frame but the last of what was queued waits in the socket's buffer: a burst goes out in a few
                // writes instead of one each (B8: the send threads were in a write for each of 120,000 frames a
                // second)
                boolean more = i + 1 < items.length && !(items[i + 1] instanceof Close);
                if (item instanceof String text) {
                    send(s, text, more);
                } else if (item instanceof Frame f) {
                    send(s, f.text(), more);
                    metrics.fanOutDelay(System.nanoTime() - f.published());
                    events++;
                } else if (item instanceof Replay r) {
                    send(s, r.frame().text(), more);
                    events++;
                } else if (item instanceof Close c && s.isOpen()) {
                    s.close(c.code(), c.reason(), Callback.NOOP);
                }
                unflushed = more;
            }
        } finally {
            if (unflushed && s instanceof WebSocketSession jetty) { // the loop ended early: nothing waits for a frame
                jetty.getCoreSession().flush(org.eclipse.jetty.util.Callback.NOOP);
            }
        }
        if (events > 0) {
            metrics.eventsSent(events);
        }
        return true;
    }

    String viewing() {
        return viewing;
    }

    void view(String interactionId) {
        viewing = interactionId;
    }

    /** Sends a text frame; with {@code more}, it may wait in the socket's buffer for the frames that follow it. */
    private void send(Session s, String text, boolean more) {
        if (!s.isOpen()) {
            return;
        }
        Callback done = Callback.from(() -> { }, e -> {
            // the client would miss this frame and not know it: closing makes it resume from its last seq
            LOG.info("stream {}: a frame to {} was not delivered ({}); closing the socket so it resumes", id,
                    user.username(), e.toString());
            if (s.isOpen()) {
                s.close(1011, "a frame could not be sent: resume", Callback.NOOP);
            }
        });
        if (more && s instanceof WebSocketSession jetty) {
            // what Session.sendText does, with Jetty's batch flag set: the frame is written with the next unbatched one
            jetty.getCoreSession().sendFrame(new org.eclipse.jetty.websocket.core.Frame(OpCode.TEXT).setPayload(text),
                    org.eclipse.jetty.util.Callback.from(done::succeed, done::fail), true);
        } else {
            s.sendText(text, done);
        }
    }
}
