package io.huddle.agent;

import io.huddle.client.ConnectionStatus;
import io.huddle.client.FloorChange;
import io.huddle.client.FloorFeed;
import io.huddle.client.FloorState;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamCommands;
import io.huddle.client.StreamOptions;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.ui.FxBridge;
import io.huddle.ui.UiThread;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Connects a signed-in agent's stream to the agent view model; everything crosses into the FX thread
 * through one {@link FxBridge}, per pulse.
 */
public final class AgentSession implements AutoCloseable {
    private final FloorState floor = new FloorState();
    private final FxBridge<Object> bridge = new FxBridge<>(this::drain);
    private final StreamClient stream;
    private final AgentViewModel vm;

    public AgentSession(SignedIn signedIn, StreamOptions options) {
        floor.setUser(signedIn.user());
        stream = StreamClient.open(signedIn, new FloorFeed(floor, bridge::post, bridge::post), options);
        StreamCommands commands = new StreamCommands(stream);
        vm = new AgentViewModel(UiThread.of(bridge), new AgentGateway() {
            @Override
            public CompletableFuture<HelpRequestDto> requestHelp(String interactionId, String reason, String comment) {
                return commands.requestHelp(interactionId, reason, comment);
            }

            @Override
            public CompletableFuture<HelpRequestDto> cancel(String helpRequestId) {
                return commands.cancelHelp(helpRequestId);
            }

            @Override
            public CompletableFuture<HelpRequestDto> close(String helpRequestId) {
                return commands.closeHelp(helpRequestId);
            }
        });
    }

    public void start() {
        bridge.start();
    }

    private void drain(List<Object> batch) {
        FloorChange merged = FloorChange.NONE;
        for (Object item : batch) {
            if (item instanceof FloorChange c) {
                merged = merged.merge(c);
                continue;
            }
            if (!merged.isEmpty()) {
                vm.apply(merged);
                merged = FloorChange.NONE;
            }
            if (item instanceof ConnectionStatus s) {
                vm.online().set(s.state() == ConnectionStatus.State.CONNECTED);
            } else if (item instanceof Runnable r) {
                r.run();
            }
        }
        if (!merged.isEmpty()) {
            vm.apply(merged);
        }
    }

    public AgentViewModel viewModel() {
        return vm;
    }

    /** Stops updates to the view and closes the stream, waiting for its threads (a few seconds at most): any thread. */
    @Override
    public void close() {
        bridge.stop();
        stream.close();
    }
}
