package io.huddle.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.client.ConnectionStatus;
import io.huddle.client.FloorChange;
import io.huddle.client.FloorFeed;
import io.huddle.client.FloorState;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamOptions;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.Json;
import io.huddle.ui.FxBridge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Connects a signed-in agent's stream to the agent view model; everything crosses into the FX thread
 * through one {@link FxBridge}, per pulse.
 */
public final class AgentSession implements AutoCloseable {
    private final FloorState floor = new FloorState();
    private final FxBridge<Object> bridge = new FxBridge<>(this::drain);
    private final StreamClient stream;
    private final AgentViewModel vm;
    private final ObjectMapper json = Json.newMapper();

    public AgentSession(SignedIn signedIn, StreamOptions options) {
        floor.setUser(signedIn.user());
        stream = StreamClient.open(signedIn, new FloorFeed(floor, bridge::post, bridge::post), options);
        vm = new AgentViewModel(bridge::post, new AgentGateway() {
            @Override
            public CompletableFuture<HelpRequestDto> requestHelp(String interactionId, String reason, String comment) {
                Map<String, Object> f = new HashMap<>();
                f.put("interactionId", interactionId);
                f.put("reason", reason);
                if (comment != null && !comment.isBlank()) {
                    f.put("comment", comment);
                }
                return send("help.request", f);
            }

            @Override
            public CompletableFuture<HelpRequestDto> cancel(String helpRequestId) {
                return send("help.cancel", Map.of("helpRequestId", helpRequestId));
            }

            @Override
            public CompletableFuture<HelpRequestDto> close(String helpRequestId) {
                return send("help.close", Map.of("helpRequestId", helpRequestId));
            }
        });
    }

    private CompletableFuture<HelpRequestDto> send(String type, Map<String, ?> fields) {
        return stream.command(type, fields).thenApply(r -> {
            try {
                return json.treeToValue(r.get("helpRequest"), HelpRequestDto.class);
            } catch (JsonProcessingException e) {
                throw new CompletionException("the gateway's answer could not be read", e);
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

    @Override
    public void close() {
        bridge.stop();
        stream.close();
    }
}
