package io.huddle.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.ActionType;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.Json;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.stream.CommandResult;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The stream's commands with typed answers ({@link CommandResult}), over {@link StreamClient#command}. Futures complete on the
 * stream client's thread and fail with {@link CommandException}.
 */
public final class StreamCommands {
    private static final ObjectMapper JSON = Json.newMapper();

    private final StreamClient stream;

    public StreamCommands(StreamClient stream) {
        this.stream = stream;
    }

    public CompletableFuture<Void> ping() {
        return stream.command("ping", Map.of()).thenApply(r -> null);
    }

    /** Starts viewing: transcript lines of this interaction are streamed until {@link #unview()}. */
    public CompletableFuture<CommandResult.View> view(String interactionId) {
        return stream.command("view", Map.of("interactionId", interactionId))
                .thenApply(r -> read(r, CommandResult.View.class));
    }

    public CompletableFuture<Void> unview() {
        return stream.command("unview", Map.of()).thenApply(r -> null);
    }

    public CompletableFuture<HelpRequestDto> acceptHelp(String helpRequestId) {
        return help("help.accept", Map.of("helpRequestId", helpRequestId));
    }

    /** An agent asks for help; {@code comment} may be null. */
    public CompletableFuture<HelpRequestDto> requestHelp(String interactionId, String reason, String comment) {
        Map<String, Object> f = new HashMap<>();
        f.put("interactionId", interactionId);
        f.put("reason", reason);
        f.put("comment", comment);
        return help("help.request", f);
    }

    public CompletableFuture<HelpRequestDto> cancelHelp(String helpRequestId) {
        return help("help.cancel", Map.of("helpRequestId", helpRequestId));
    }

    public CompletableFuture<HelpRequestDto> closeHelp(String helpRequestId) {
        return help("help.close", Map.of("helpRequestId", helpRequestId));
    }

    /** MONITOR, COACH, BARGE_IN or DISCONNECT; {@code helpRequestId} may be null. */
    public CompletableFuture<CommandResult.Action> act(String interactionId, ActionType action, String helpRequestId) {
        Map<String, Object> f = new HashMap<>();
        f.put("interactionId", interactionId);
        f.put("action", action.name());
        f.put("helpRequestId", helpRequestId);
        return stream.command("action", f).thenApply(r -> read(r, CommandResult.Action.class));
    }

    /** A coach (agent only) or barge (everyone) message, depending on the supervisor's mode. */
    public CompletableFuture<TranscriptLineDto> sendMessage(String interactionId, String text) {
        return stream.command("message.send", Map.of("interactionId", interactionId, "text", text))
                .thenApply(r -> read(r, CommandResult.Message.class).line());
    }

    private CompletableFuture<HelpRequestDto> help(String type, Map<String, ?> fields) {
        return stream.command(type, fields).thenApply(r -> read(r, CommandResult.Help.class).helpRequest());
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new CommandException("invalid_response", "the gateway's answer could not be read: "
                    + e.getOriginalMessage());
        }
    }
}
