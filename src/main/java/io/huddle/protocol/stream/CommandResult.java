package io.huddle.protocol.stream;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Controls;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import java.util.List;

/**
 * The {@code result} of an ack, one shape per command (docs/protocol.md, "Commands"). It carries no type on
 * the wire: the gateway builds the command's shape, and the client, which knows what it asked, reads the
 * {@link Unread} JSON into that shape.
 */
public sealed interface CommandResult {

    /** {@code ping} and {@code unview}: {@code {}}. */
    record None() implements CommandResult {
    }

    /**
     * {@code view}: the interaction, its controls, its open help request (or null), the latest transcript lines
     * the user may read and how many readable lines come before those.
     */
    record View(InteractionDto interaction, Controls controls, HelpRequestDto helpRequest,
                List<TranscriptLineDto> transcript, int earlierLines) implements CommandResult {
        public View {
            transcript = transcript == null ? List.of() : List.copyOf(transcript);
        }
    }

    /** {@code controls}: the controls and the open help request (or null). */
    record ControlsRead(Controls controls, HelpRequestDto helpRequest) implements CommandResult {
    }

    /** {@code help.accept}, {@code help.request}, {@code help.cancel}, {@code help.close}. */
    record Help(HelpRequestDto helpRequest) implements CommandResult {
    }

    /** {@code action}: the recorded action and the controls after it. */
    record Action(ActionDto action, Controls controls) implements CommandResult {
    }

    /** {@code message.send}: the line as added to the transcript. */
    record Message(TranscriptLineDto line) implements CommandResult {
    }

    /** {@code presence.set}: the presence now in force ({@code available}, {@code busy} or {@code away}). */
    record PresenceNow(String presence) implements CommandResult {
    }

    /** A result as read off the wire, before the client reads it as its command's shape. */
    record Unread(@JsonValue JsonNode json) implements CommandResult {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Unread {
        }
    }
}
