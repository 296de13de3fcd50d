package io.huddle.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamCommands;
import io.huddle.domain.ActionType;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.Json;
import io.huddle.protocol.TranscriptLineDto;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The console's commands, sent over the stream ({@link StreamCommands}, and the ack's time for view and act); acks are read into the wire DTOs, with the ack's time. */
final class StreamConsoleGateway implements ConsoleGateway {
    private final StreamClient stream;
    private final StreamCommands commands;
    private final ObjectMapper json = Json.newMapper();

    StreamConsoleGateway(StreamClient stream) {
        this.stream = stream;
        this.commands = new StreamCommands(stream);
    }

    @Override
    public CompletableFuture<ViewResult> view(String interactionId) {
        return stream.commandAcked("view", Map.of("interactionId", interactionId)).thenApply(a -> {
            ViewResult v = read(a.result(), ViewResult.class);
            return new ViewResult(v.interaction(), v.controls(), v.helpRequest(), v.transcript(), a.serverTime());
        });
    }

    @Override
    public CompletableFuture<ControlsResult> controls(String interactionId) {
        return stream.command("controls", Map.of("interactionId", interactionId))
                .thenApply(r -> read(r, ControlsResult.class));
    }

    @Override
    public CompletableFuture<Void> unview() {
        return commands.unview();
    }

    @Override
    public CompletableFuture<HelpRequestDto> accept(String helpRequestId) {
        return commands.acceptHelp(helpRequestId);
    }

    @Override
    public CompletableFuture<ActionResult> act(String interactionId, ActionType action, String helpRequestId) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("interactionId", interactionId);
        fields.put("action", action.name());
        if (helpRequestId != null) {
            fields.put("helpRequestId", helpRequestId);
        }
        return stream.commandAcked("action", fields).thenApply(a -> {
            ActionResult r = read(a.result(), ActionResult.class);
            return new ActionResult(r.action(), r.controls(), a.serverTime());
        });
    }

    @Override
    public CompletableFuture<TranscriptLineDto> send(String interactionId, String text) {
        return commands.sendMessage(interactionId, text);
    }

    private <T> T read(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new CompletionException("the gateway's answer could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
