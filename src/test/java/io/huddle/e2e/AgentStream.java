package io.huddle.e2e;

import io.huddle.client.ConnectionStatus;
import io.huddle.client.FloorState;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamListener;
import io.huddle.client.StreamOptions;
import io.huddle.protocol.stream.ServerFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agent's own stream, recorded: every numbered event as it arrived, and the agent's {@link FloorState}
 * mirror built from them. Used to prove that something (a silent monitor) sends the agent nothing at all.
 */
public final class AgentStream implements AutoCloseable {
    /** One numbered event: its type and the frame as sent. */
    public record Event(long seq, String type, ServerFrame.Event frame) {
    }

    private final FloorState floor = new FloorState();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile ConnectionStatus status;
    private final StreamClient client;

    AgentStream(SignedIn agent) {
        floor.setUser(agent.user());
        client = StreamClient.open(agent, new StreamListener() {
            @Override
            public void onSnapshot(ServerFrame.Snapshot snapshot) {
                floor.applySnapshot(snapshot);
            }

            @Override
            public void onEvent(ServerFrame.Event event) {
                events.add(new Event(event.seq(), ServerFrame.typeOf(event), event));
                floor.apply(event);
            }

            @Override
            public void onStatus(ConnectionStatus s) {
                status = s;
            }
        }, StreamOptions.defaults());
    }

    public boolean connected() {
        return status != null && status.state() == ConnectionStatus.State.CONNECTED;
    }

    public FloorState floor() {
        return floor;
    }

    /** Every event so far, oldest first. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        client.close();
    }
}
