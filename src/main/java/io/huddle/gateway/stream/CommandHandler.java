package io.huddle.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.ActionType;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.User;
import io.huddle.gateway.floor.FloorService;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Runs one stream command against the floor and returns the ack's result. */
final class CommandHandler {
    private final FloorService floor;

    CommandHandler(FloorService floor) {
        this.floor = floor;
    }

    Map<String, Object> run(String type, JsonNode cmd, StreamSession session) {
        User user = session.user;
        Map<String, Object> result = new LinkedHashMap<>();
        switch (type) {
            case "ping" -> { }
            case "view" -> {
                String id = text(cmd, "interactionId", true);
                Interaction i = floor.interaction(user, id);
                result.put("interaction", InteractionDto.of(i));
                result.put("controls", floor.controls(user, id));
                result.put("helpRequest", openRequest(user, i));
                result.put("transcript", floor.transcript(user, id).stream().map(TranscriptLineDto::of).toList());
                session.view(id);
            }
            case "controls" -> {
                Interaction i = floor.interaction(user, text(cmd, "interactionId", true));
                result.put("controls", floor.controls(user, i.id()));
                result.put("helpRequest", openRequest(user, i));
            }
            case "unview" -> session.view(null);
            case "help.accept" -> result.put("helpRequest",
                    HelpRequestDto.of(floor.acceptHelp(user, text(cmd, "helpRequestId", true))));
            case "help.request" -> result.put("helpRequest", HelpRequestDto.of(floor.raiseHelp(user,
                    text(cmd, "interactionId", true), text(cmd, "reason", false), text(cmd, "comment", false))));
            case "help.cancel" -> result.put("helpRequest",
                    HelpRequestDto.of(floor.cancelHelp(user, text(cmd, "helpRequestId", true))));
            case "help.close" -> result.put("helpRequest",
                    HelpRequestDto.of(floor.closeHelp(user, text(cmd, "helpRequestId", true))));
            case "action" -> {
                String id = text(cmd, "interactionId", true);
                SupervisorAction a = floor.act(user, id, action(cmd), text(cmd, "helpRequestId", false));
                result.put("action", ActionDto.of(a));
                result.put("controls", floor.controls(user, id));
            }
            case "message.send" -> result.put("line", TranscriptLineDto.of(floor.sendMessage(user,
                    text(cmd, "interactionId", true), text(cmd, "text", false))));
            default -> throw DomainException.badRequest("unknown command type '" + type + "'");
        }
        return result;
    }

    /** The open help request on an interaction the user can see, as they may see it; null when none. */
    private HelpRequestDto openRequest(User user, Interaction i) {
        HelpRequest open = floor.openRequestOn(user.tenant(), i.id());
        return open == null || !open.interactionId().equals(i.id()) ? null
                : HelpRequestDto.of(floor.helpRequest(user, open.id()));
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
