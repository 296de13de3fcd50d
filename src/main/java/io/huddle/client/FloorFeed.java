package io.huddle.client;

import io.huddle.protocol.stream.ServerFrame;
import java.util.function.Consumer;

/**
 * A {@link StreamListener} that keeps a {@link FloorState} up to date and hands on each change and each
 * connection status, on the stream client's thread. A UI hops to its own thread from the consumers and
 * may merge changes that arrive in bursts with {@link FloorChange#merge}.
 */
public final class FloorFeed implements StreamListener {
    private final FloorState state;
    private final Consumer<FloorChange> changes;
    private final Consumer<ConnectionStatus> statuses;

    public FloorFeed(FloorState state, Consumer<FloorChange> changes, Consumer<ConnectionStatus> statuses) {
        this.state = state;
        this.changes = changes;
        this.statuses = statuses;
    }

    public FloorState state() {
        return state;
    }

    @Override
    public void onWelcome(ServerFrame.Welcome welcome) {
        state.setUser(welcome.user());
    }

    @Override
    public void onSnapshot(ServerFrame.Snapshot snapshot) {
        changes.accept(state.applySnapshot(snapshot));
    }

    /** @throws IllegalArgumentException when the event cannot be applied: the stream client then re-syncs */
    @Override
    public void onEvent(ServerFrame.Event event) {
        FloorChange change = state.apply(event);
        if (!change.isEmpty()) {
            changes.accept(change);
        }
    }

    @Override
    public void onStatus(ConnectionStatus status) {
        statuses.accept(status);
    }
}
