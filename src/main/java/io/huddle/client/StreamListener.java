package io.huddle.client;

import io.huddle.protocol.stream.ServerFrame;

/**
 * Receives everything a {@link StreamClient} gets, in order, on the client's one thread (never the caller's,
 * never two at once). Keep each call short: hand work on to the application's own thread (a desktop app
 * through its one crossing into the UI thread) and never block on a command's future here.
 *
 * <p>A snapshot or event that cannot be read is refused by throwing {@link IllegalArgumentException} from
 * {@link #onSnapshot} or {@link #onEvent}: it does not count as applied, and the client starts a new stream
 * with a fresh snapshot, so what the listener holds never drifts from the gateway's. Any other exception is
 * logged and the stream goes on.
 */
public interface StreamListener {

    /** A connection was welcomed; when not resumed, {@link #onSnapshot} follows. */
    default void onWelcome(ServerFrame.Welcome welcome) {
    }

    /**
     * The whole floor as of its {@code seq}: replace what is shown (see {@link FloorState#applySnapshot}).
     *
     * @throws IllegalArgumentException when the snapshot cannot be applied (the client re-syncs)
     */
    default void onSnapshot(ServerFrame.Snapshot snapshot) {
    }

    /**
     * A numbered event (its {@code seq} set), exactly once and in order: one of the {@link ServerFrame.Event}
     * records, or {@link ServerFrame.Unknown} for a type added later.
     *
     * @throws IllegalArgumentException when the event cannot be applied (the client re-syncs)
     */
    default void onEvent(ServerFrame.Event event) {
    }

    /** The connection state changed. */
    default void onStatus(ConnectionStatus status) {
    }

    /** An error frame that belongs to no command of this client (e.g. a malformed frame was refused). */
    default void onServerError(String code, String message) {
    }
}
