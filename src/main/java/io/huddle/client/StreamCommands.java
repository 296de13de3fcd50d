package io.huddle.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.ActionType;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.Json;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.stream.ClientFrame;
import io.huddle.protocol.stream.CommandResult;
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
        return stream.command(new ClientFrame.Ping()).thenApply(r -> null);
    }

    /** Starts viewing: transcript lines of this interaction are streamed until {@link #unview()}. */
    public CompletableFuture<CommandResult.View> view(String interactionId) {
        return stream.command(new ClientFrame.View(interactionId))
                .thenApply(r -> read(r, CommandResult.View.class));
    }

    public CompletableFuture<Void> unview() {
        return stream.command(new ClientFrame.Unview()).thenApply(r -> null);
    }

    public CompletableFuture<HelpRequestDto> acceptHelp(String helpRequestId) {
        return help(new ClientFrame.HelpAccept(helpRequestId));
    }

    /** An agent asks for help; {@code comment} may be null. */
    public CompletableFuture<HelpRequestDto> requestHelp(String interactionId, String reason, String comment) {
        return help(new ClientFrame.HelpRequest(interactionId, reason, comment));
    }

    public CompletableFuture<HelpRequestDto> cancelHelp(String helpRequestId) {
        return help(new ClientFrame.HelpCancel(helpRequestId));
    }

    public CompletableFuture<HelpRequestDto> closeHelp(String helpRequestId) {
        return help(new ClientFrame.HelpClose(helpRequestId));
    }

    /** MONITOR, COACH, BARGE_IN or DISCONNECT; {@code helpRequestId} may be null. */
    public CompletableFuture<CommandResult.Action> act(String interactionId, ActionType action, String helpRequestId) {
        return stream.command(new ClientFrame.Action(interactionId, action.name(), helpRequestId))
                .thenApply(r -> read(r, CommandResult.Action.class));
    }

    /** A coach (agent only) or barge (everyone) message, depending on the supervisor's mode. */
    public CompletableFuture<TranscriptLineDto> sendMessage(String interactionId, String text) {
        return stream.command(new ClientFrame.MessageSend(interactionId, text))
                .thenApply(r -> read(r, CommandResult.Message.class).line());
    }

    private CompletableFuture<HelpRequestDto> help(ClientFrame.Command command) {
        return stream.command(command).thenApply(r -> read(r, CommandResult.Help.class).helpRequest());
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
