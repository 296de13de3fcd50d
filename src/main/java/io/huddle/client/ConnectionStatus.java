package io.huddle.client;

import java.time.Instant;

/**
 * Where the stream connection is, as an immutable value for a status bar.
 *
 * @param state         see {@link State}
 * @param nextAttemptAt when the next connection attempt starts, while waiting for it; null otherwise
 * @param attempt       how many attempts in a row have failed (0 when connected); a connection that drops
 *                      within 10 s of its welcome counts as failed, so the backoff keeps growing
 * @param detail        a sentence for a person: what happened last ("cannot reach the gateway at ...")
 */
public record ConnectionStatus(State state, Instant nextAttemptAt, int attempt, String detail) {

    /**
     * The connection states. There is no separate OFFLINE state: a gateway that is down or unreachable shows
     * as CONNECTING (never connected yet) or RECONNECTING (was connected) with the next attempt's time and
     * the reason in {@code detail}; the floor shown is then stale.
     */
    public enum State {
        /** Not connected yet since {@link StreamClient#open}; retrying with backoff while it fails. */
        CONNECTING,
        /** The gateway welcomed this client; events flow and commands may be sent. */
        CONNECTED,
        /** Was connected, lost the connection, retrying with backoff; the floor shown may be stale. */
        RECONNECTING,
        /** The sign-in ended (close 4001 or a refused token): final, sign in again. */
        SIGNED_OUT,
        /** The gateway refused this client for good (close 4400, a refused upgrade); final. */
        FAILED,
        /** Closed by the application; final. */
        CLOSED;

        /** True for the states after which the client never connects again. */
        public boolean isFinal() {
            return this == SIGNED_OUT || this == FAILED || this == CLOSED;
        }
    }

    static ConnectionStatus of(State state, String detail) {
        return new ConnectionStatus(state, null, 0, detail);
    }
}
