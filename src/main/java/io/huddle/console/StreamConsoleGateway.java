package io.huddle.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.client.Deadline;
import io.huddle.client.StreamClient;
import io.huddle.domain.ActionType;
import io.huddle.domain.Presence;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.Json;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.stream.ClientFrame;
import io.huddle.protocol.stream.CommandResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The console's commands, sent over the stream; acks are read into their {@link CommandResult} shapes, with the ack's time for view
 * and act. Each command is answered by its deadline: one given with {@link #within}, else one from the call.
 */
final class StreamConsoleGateway implements ConsoleGateway {
    private static final ObjectMapper JSON = Json.newMapper();

    private final StreamClient stream;
    private final Supplier<Deadline> deadline;

    StreamConsoleGateway(StreamClient stream, Duration budget) {
        this(stream, () -> Deadline.after(budget));
    }

    private StreamConsoleGateway(StreamClient stream, Supplier<Deadline> deadline) {
        this.stream = stream;
        this.deadline = deadline;
    }

    @Override
    public ConsoleGateway within(Deadline fixed) {
        return new StreamConsoleGateway(stream, () -> fixed);
    }

    @Override
    public CompletableFuture<ViewResult> view(String interactionId) {
        return stream.commandAcked(new ClientFrame.View(interactionId), deadline.get()).thenApply(a -> {
            CommandResult.View v = read(a.result(), CommandResult.View.class);
            return new ViewResult(v.interaction(), v.controls(), v.helpRequest(), v.transcript(), a.serverTime());
        });
    }

    @Override
    public CompletableFuture<ControlsResult> controls(String interactionId) {
        return stream.command(new ClientFrame.Controls(interactionId), deadline.get())
                .thenApply(r -> {
                    CommandResult.ControlsRead c = read(r, CommandResult.ControlsRead.class);
                    return new ControlsResult(c.controls(), c.helpRequest());
                });
    }

    @Override
    public CompletableFuture<Void> unview() {
        return stream.command(new ClientFrame.Unview(), deadline.get()).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<HelpRequestDto> accept(String helpRequestId) {
        return stream.command(new ClientFrame.HelpAccept(helpRequestId), deadline.get())
                .thenApply(r -> read(r, CommandResult.Help.class).helpRequest());
    }

    @Override
    public CompletableFuture<ActionResult> act(String interactionId, ActionType action, String helpRequestId) {
        return stream.commandAcked(new ClientFrame.Action(interactionId, action.name(), helpRequestId),
                deadline.get()).thenApply(a -> {
            CommandResult.Action r = read(a.result(), CommandResult.Action.class);
            return new ActionResult(r.action(), r.controls(), a.serverTime());
        });
    }

    @Override
    public CompletableFuture<TranscriptLineDto> send(String interactionId, String text) {
        return stream.command(new ClientFrame.MessageSend(interactionId, text), deadline.get())
                .thenApply(r -> read(r, CommandResult.Message.class).line());
    }

    @Override
    public CompletableFuture<Presence> presence(Presence presence) {
        return stream.command(new ClientFrame.PresenceSet(presence.wireName()), deadline.get())
                .thenApply(r -> Presence.chosen(read(r, CommandResult.PresenceNow.class).presence()));
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new CompletionException("the gateway's answer could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
