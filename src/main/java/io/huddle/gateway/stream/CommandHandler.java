package io.huddle.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.ActionType;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.User;
import io.huddle.gateway.floor.HelpLifecycle;
import io.huddle.gateway.platform.PlatformControls;
import io.huddle.gateway.floor.InteractionView;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.stream.CommandResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Runs one stream command against the floor and returns the ack's result. */
final class CommandHandler {
    /**
     * A view carries the latest lines of the transcript, not all the gateway keeps (docs/protocol.md): the
     * rest is one REST call away, and a view's reply stays small however often it is asked.
     */
    static final InteractionView.Tail VIEW_TAIL = new InteractionView.Tail(50, 16 * 1024);
    private static final Set<String> CHANGES = Set.of("help.accept", "help.request", "help.cancel", "help.close",
            "action", "message.send");

    private final HelpLifecycle help;
    /** For tests: runs after a view has read the floor (and the stream follows it), before its reply is built. */
    private final Runnable afterViewRead;

    private final PlatformControls controls;

    CommandHandler(HelpLifecycle help, PlatformControls controls) {
        this(help, controls, () -> { });
    }

    CommandHandler(HelpLifecycle help, PlatformControls controls, Runnable afterViewRead) {
        this.help = help;
        this.controls = controls;
        this.afterViewRead = afterViewRead;
    }

    CommandResult run(String type, JsonNode cmd, StreamSession session) {
        User user = session.user;
        switch (type) {
            case "ping" -> {
                return new CommandResult.None();
            }
            case "view" -> {
                String id = text(cmd, "interactionId", true);
                InteractionView v = controls.view(user, id, VIEW_TAIL, () -> session.view(id));
                afterViewRead.run();
                return new CommandResult.View(InteractionDto.of(v.interaction()), v.controls(),
                        help(v.helpRequest()), v.transcript().stream().map(TranscriptLineDto::of).toList(),
                        v.earlierLines());
            }
            case "controls" -> {
                InteractionView v = controls.read(user, text(cmd, "interactionId", true), InteractionView.Tail.NONE,
                        () -> { });
                return new CommandResult.ControlsRead(v.controls(), help(v.helpRequest()));
            }
            case "unview" -> {
                session.view(null);
                return new CommandResult.None();
            }
            case "help.accept" -> {
                return new CommandResult.Help(help(help.acceptHelp(user, text(cmd, "helpRequestId", true))));
            }
            case "help.request" -> {
                return new CommandResult.Help(help(help.raiseHelp(user, text(cmd, "interactionId", true),
                        text(cmd, "reason", false), text(cmd, "comment", false))));
            }
            case "help.cancel" -> {
                return new CommandResult.Help(help(help.cancelHelp(user, text(cmd, "helpRequestId", true))));
            }
            case "help.close" -> {
                return new CommandResult.Help(help(help.closeHelp(user, text(cmd, "helpRequestId", true))));
            }
            case "action" -> {
                String id = text(cmd, "interactionId", true);
                SupervisorAction a = controls.act(user, id, action(cmd), text(cmd, "helpRequestId", false));
                return new CommandResult.Action(ActionDto.of(a), controls.controls(user, id));
            }
            case "message.send" -> {
                return new CommandResult.Message(TranscriptLineDto.of(controls.sendMessage(user,
                        text(cmd, "interactionId", true), text(cmd, "text", false))));
            }
            default -> throw DomainException.badRequest("unknown command type '" + type + "'");
        }
    }

    private static HelpRequestDto help(HelpRequest h) {
        return h == null ? null : HelpRequestDto.of(h);
    }

    /** Whether a command of this type changes the floor (its outcome must be remembered) rather than reads it. */
    static boolean changesTheFloor(String type) {
        return CHANGES.contains(type);
    }

    static String text(JsonNode cmd, String field, boolean required) {
        JsonNode v = cmd.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw DomainException.badRequest("field '" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw DomainException.badRequest("field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static ActionType action(JsonNode cmd) {
        String v = text(cmd, "action", true);
        try {
            return ActionType.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("field 'action' has an invalid value '" + v + "': expected one of "
                    + Arrays.toString(ActionType.values()));
        }
    }
}
